using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Grounded.Testing.OpenApi;

/// <summary>Maps the orders API's routes onto an app.</summary>
internal static class OrdersRoutes
{
    private static readonly string[] Statuses = ["open", "shipped", "cancelled"];

    public static void Map(WebApplication app, OrderBook book)
    {
        app.MapGet("/orders", (HttpContext http) =>
        {
            var status = http.Request.Query["status"].FirstOrDefault();
            return status is not null && !Statuses.Contains(status)
                ? Json(400, Problem($"status must be one of {string.Join(", ", Statuses)}"))
                : Json(200, book.List(status));
        });
        app.MapGet("/orders/{id}", (string id) =>
            long.TryParse(id, out var n) && book.Get(n) is { } order ? Json(200, order) : Json(404, Problem($"no order {id}")));
        app.MapPost("/orders", CreateAsync(book));
        app.MapPost("/orders/{id}/cancel", (string id) =>
        {
            var (order, problem) = long.TryParse(id, out var n) ? book.Cancel(n) : (null, null);
            return order is not null ? Json(200, order) : problem is not null ? Json(409, Problem(problem)) : Json(404, Problem($"no order {id}"));
        });
        app.MapGet("/stock/{sku}", (string sku) => OrderBook.StockOf(sku) is { } line ? Json(200, line) : Json(404, Problem($"no item with sku {sku}")));
    }

    private static Func<HttpContext, Task<IResult>> CreateAsync(OrderBook book) => async http =>
    {
        if (!http.Request.HasJsonContentType())
        {
            return Json(415, Problem("send the order as application/json"));
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Json(400, Problem("the body is not JSON"));
        }

        var item = body?["item"]?.GetValueKind() == JsonValueKind.String ? body["item"]!.GetValue<string>() : null;
        var quantity = body?["quantity"]?.GetValueKind() == JsonValueKind.Number ? body["quantity"]!.GetValue<int>() : 0;
        return string.IsNullOrWhiteSpace(item) || quantity < 1
            ? Json(400, Problem("an order needs an item and a quantity of at least 1"))
            : Json(201, book.Create(item, quantity));
    };

    private static JsonObject Problem(string message) => new() { ["error"] = message };

    private static IResult Json(int status, JsonNode body) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);
}
