using System.Text.Json.Nodes;

namespace Grounded.Testing.OpenApi;

/// <summary>The orders API's state: a few fixed orders and stock lines; new and cancelled orders live as long as the service.</summary>
internal sealed class OrderBook
{
    private readonly Lock _gate = new();
    private readonly List<Order> _orders =
    [
        new(1001, "osprey beacon", 2, "shipped"),
        new(1002, "tern lantern", 1, "open"),
        new(1003, "heron cable", 5, "cancelled"),
        new(1004, "osprey beacon", 1, "open"),
    ];

    private static readonly Dictionary<string, (string Name, int Available)> Stock = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OSP-1"] = ("osprey beacon", 12),
        ["TRN-2"] = ("tern lantern", 0),
        ["HRN-3"] = ("heron cable", 240),
    };

    public JsonArray List(string? status)
    {
        lock (_gate)
        {
            return [.. _orders.Where(o => status is null || o.Status == status).Select(o => (JsonNode)o.ToJson())];
        }
    }

    public JsonObject? Get(long id)
    {
        lock (_gate)
        {
            return _orders.Find(o => o.Id == id)?.ToJson();
        }
    }

    public JsonObject Create(string item, int quantity)
    {
        lock (_gate)
        {
            var order = new Order(_orders.Max(o => o.Id) + 1, item, quantity, "open");
            _orders.Add(order);
            return order.ToJson();
        }
    }

    /// <summary>Cancels an order: the cancelled order, or null when there is none, or a problem (a shipped order).</summary>
    public (JsonObject? Order, string? Problem) Cancel(long id)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.Id == id);
            if (index < 0)
            {
                return (null, null);
            }

            if (_orders[index].Status == "shipped")
            {
                return (null, $"order {id} has shipped and cannot be cancelled");
            }

            _orders[index] = _orders[index] with { Status = "cancelled" };
            return (_orders[index].ToJson(), null);
        }
    }

    public static JsonObject? StockOf(string sku) => Stock.TryGetValue(sku, out var line)
        ? new JsonObject { ["sku"] = sku.ToUpperInvariant(), ["name"] = line.Name, ["available"] = line.Available }
        : null;

    private sealed record Order(long Id, string Item, int Quantity, string Status)
    {
        public JsonObject ToJson() => new() { ["id"] = Id, ["item"] = Item, ["quantity"] = Quantity, ["status"] = Status };
    }
}
