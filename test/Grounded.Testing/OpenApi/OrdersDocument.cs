using System.Text.Json.Nodes;

namespace Grounded.Testing.OpenApi;

/// <summary>The OpenAPI 3.0 document of <see cref="OpenApiTestService"/>'s orders API.</summary>
internal static class OrdersDocument
{
    /// <summary>Returns the document with <paramref name="serverUrl"/> as its only server.</summary>
    public static JsonObject Create(string serverUrl) => new()
    {
        ["openapi"] = "3.0.3",
        ["info"] = new JsonObject { ["title"] = "Orders", ["version"] = "1.0.0", ["description"] = "A tiny shop: orders and stock." },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl }),
        ["paths"] = new JsonObject
        {
            ["/orders"] = new JsonObject
            {
                ["get"] = Operation("listOrders", "List orders, optionally only those with one status.", [StatusParameter()], Response("#/components/schemas/OrderList")),
                ["post"] = Operation("createOrder", "Create an order for an item.", [], Response("#/components/schemas/Order"), body: Ref("#/components/schemas/NewOrder")),
            },
            ["/orders/{id}"] = new JsonObject
            {
                ["get"] = Operation("getOrder", "Get one order by its id.", [IdParameter()], Response("#/components/schemas/Order")),
            },
            ["/orders/{id}/cancel"] = new JsonObject
            {
                ["post"] = Operation("cancelOrder", null, [IdParameter()], Response("#/components/schemas/Order"),
                    description: "Cancel an order that has not shipped yet. Shipped orders cannot be cancelled."),
            },
            ["/stock/{sku}"] = new JsonObject
            {
                ["get"] = Operation("getStock", "Get how many units of an item are in stock.",
                    [Parameter("sku", "path", new JsonObject { ["type"] = "string" }, "The item's stock-keeping unit, e.g. OSP-1.", required: true)],
                    Response("#/components/schemas/Stock")),
            },
        },
        ["components"] = new JsonObject { ["schemas"] = OrdersSchemas.Create() },
    };

    private static JsonObject Operation(string id, string? summary, JsonNode[] parameters, JsonObject ok, JsonObject? body = null, string? description = null)
    {
        var operation = new JsonObject { ["operationId"] = id };
        if (summary is not null)
        {
            operation["summary"] = summary;
        }

        if (description is not null)
        {
            operation["description"] = description;
        }

        if (parameters.Length > 0)
        {
            operation["parameters"] = new JsonArray(parameters);
        }

        if (body is not null)
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body } } };
        }

        operation["responses"] = new JsonObject { ["200"] = ok, ["404"] = new JsonObject { ["description"] = "No such order or item." } };
        return operation;
    }

    private static JsonObject StatusParameter() => Parameter(
        "status", "query", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("open", "shipped", "cancelled") }, "Only orders with this status.", required: false);

    private static JsonObject IdParameter() => Parameter("id", "path", new JsonObject { ["type"] = "integer", ["format"] = "int64" }, "The order's id, e.g. 1001.", required: true);

    private static JsonObject Parameter(string name, string location, JsonObject schema, string description, bool required) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["required"] = required,
        ["description"] = description,
        ["schema"] = schema,
    };

    private static JsonObject Response(string schemaRef) => new()
    {
        ["description"] = "OK",
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schemaRef) } },
    };

    private static JsonObject Ref(string target) => new() { ["$ref"] = target };
}
