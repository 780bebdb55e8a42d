using System.Text.Json.Nodes;

namespace Grounded.Testing.OpenApi;

/// <summary>The component schemas of the orders API: Order, NewOrder, OrderList, Stock.</summary>
internal static class OrdersSchemas
{
    public static JsonObject Create() => new()
    {
        ["Order"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("id", "item", "quantity", "status"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" },
                ["item"] = new JsonObject { ["type"] = "string" },
                ["quantity"] = new JsonObject { ["type"] = "integer" },
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("open", "shipped", "cancelled") },
            },
        },
        ["NewOrder"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("item", "quantity"),
            ["properties"] = new JsonObject
            {
                ["item"] = new JsonObject { ["type"] = "string", ["description"] = "What to order, e.g. osprey beacon." },
                ["quantity"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["description"] = "How many units." },
            },
        },
        ["OrderList"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/Order" } },
        ["Stock"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["sku"] = new JsonObject { ["type"] = "string" },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["available"] = new JsonObject { ["type"] = "integer" },
            },
        },
    };
}
