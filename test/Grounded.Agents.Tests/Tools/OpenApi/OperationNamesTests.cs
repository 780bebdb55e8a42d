using Grounded.Agents.Tools.OpenApi;

namespace Grounded.Agents.Tests.Tools.OpenApi;

public sealed class OperationNamesTests
{
    [Theory]
    [InlineData("getOrder", "get_order")]
    [InlineData("listOrders", "list_orders")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("get-order-by-id", "get_order_by_id")]
    [InlineData("Orders.Get", "orders_get")]
    [InlineData("getV2Orders", "get_v2_orders")]
    [InlineData("__", "operation")]
    public void OperationIdsBecomeSnakeCaseToolNames(string operationId, string expected) =>
        Assert.Equal(expected, OperationNames.ToToolName(operationId));

    [Fact]
    public void LongIdsAreCutToSixtyFourCharacters()
    {
        var name = OperationNames.ToToolName("get" + string.Concat(Enumerable.Repeat("VeryLongWord", 10)));

        Assert.True(name.Length <= 64);
        Assert.Matches("^[a-z0-9_]+$", name);
    }

    [Fact]
    public void OperationsWithoutAnIdAreNamedAfterMethodAndPath() =>
        Assert.Equal("get_orders_id_lines", OperationNames.FromMethodAndPath("GET", "/orders/{id}/lines"));
}
