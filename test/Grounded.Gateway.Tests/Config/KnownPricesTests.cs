using Grounded.Gateway.Config;

namespace Grounded.Gateway.Tests.Config;

public sealed class KnownPricesTests
{
    [Theory]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o")]
    [InlineData("gpt-4o-mini-2024-07-18", "gpt-4o-mini")]
    [InlineData("gpt-4.1-nano-2025-04-14", "gpt-4.1-nano")]
    [InlineData("claude-sonnet-4-20250514", "claude-sonnet-4")]
    [InlineData("claude-3-5-haiku-latest", "claude-3-5-haiku")]
    [InlineData("claude-haiku-4-5-20251001", "claude-haiku-4-5")]
    [InlineData("claude-opus-4-1@20250805", "claude-opus-4-1")]
    [InlineData("openai/gpt-5-mini", "gpt-5-mini")]
    [InlineData("GPT-4o", "gpt-4o")]
    public void ADatedSnapshotOrAliasIsPricedAsItsModel(string id, string model)
    {
        Assert.True(KnownPrices.TryFind(id, out var snapshot));
        Assert.True(KnownPrices.TryFind(model, out var price));
        Assert.Equal(price, snapshot);
    }

    [Fact]
    public void ASnapshotWithItsOwnPriceKeepsIt()
    {
        Assert.True(KnownPrices.TryFind("gpt-4o-2024-05-13", out var launch));
        Assert.True(KnownPrices.TryFind("gpt-4o", out var current));

        Assert.Equal(5.00, launch.InputPerMTok);
        Assert.NotEqual(current, launch);
    }

    [Theory]
    [InlineData("o3-mini", "o3")]
    [InlineData("gpt-4.1-mini", "gpt-4.1")]
    [InlineData("claude-opus-4-5", "claude-opus-4")]
    public void AModelWhoseIdExtendsAnotherIsNotPricedAsThatOne(string id, string shorter)
    {
        Assert.True(KnownPrices.TryFind(id, out var price));
        Assert.True(KnownPrices.TryFind(shorter, out var other));

        Assert.NotEqual(other, price);
    }

    [Theory]
    [InlineData("llama-3.1-8b-instruct")]
    [InlineData("gpt-4o-realtime-preview")]
    [InlineData("o3-pro")]
    [InlineData("")]
    public void AnUnknownIdHasNoPrice(string id) => Assert.False(KnownPrices.TryFind(id, out _));

    [Fact]
    public void EveryPriceIsPositiveWithCachedInputCheaperThanInput()
    {
        Assert.NotEmpty(KnownPrices.ModelIds);
        Assert.All(KnownPrices.ModelIds, id =>
        {
            Assert.True(KnownPrices.TryFind(id, out var price));
            Assert.True(price.InputPerMTok > 0, id);
            Assert.True(price.OutputPerMTok >= 0, id);
            Assert.True(price.CachedInputPerMTok is null || price.CachedInputPerMTok < price.InputPerMTok, id);
        });
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", KnownPrices.AsOf);
    }

    [Fact]
    public void APriceChargesCachedInputAtItsCachedRate()
    {
        var price = new ModelPrice(InputPerMTok: 2.50, OutputPerMTok: 10.00, CachedInputPerMTok: 1.25);

        Assert.Equal(2.50 + 10.00, price.Usd(inputTokens: 1_000_000, outputTokens: 1_000_000), 9);
        Assert.Equal(1.25 + 0.625, price.Usd(inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 500_000), 9); // half at 2.50, half at 1.25
        Assert.Equal(2.50, new ModelPrice(2.50, 10.00, null).Usd(1_000_000, 0, cachedInputTokens: 1_000_000), 9);
    }
}
