using Grounded.Gateway.Guard;
using Grounded.Guards;
using Grounded.Hosting.Guards;

namespace Grounded.Hosting.Tests.Guards;

/// <summary>
/// The topic policy's default thresholds with the shipped model (arctic-embed-xs int8), on a small hand-made set: a support
/// assistant for billing and shipping that must not give investment advice. Measured with these defaults (background-centred
/// cosine): on-topic requests 0.46-0.61, off-topic ones -0.01-0.21 (allowedAbove 0.35); requests for investment advice 0.51
/// and 0.70 against the denied examples, other requests at most 0.44 (deniedAbove 0.45, and closer than every allowed topic).
/// </summary>
public sealed class TopicCalibrationTests : IDisposable
{
    private static readonly GuardPolicy Support = new()
    {
        Topics = new TopicGuardOptions
        {
            Allowed = new Dictionary<string, IReadOnlyList<string>>
            {
                ["billing"] = ["How do I pay my invoice?", "I want a refund for a double charge on my card.", "Why was my subscription price increased?", "Can I get a copy of last month's bill?"],
                ["shipping"] = ["Where is my parcel?", "My order has not arrived yet.", "Can I change the delivery address of my order?", "How long does shipping take to Canada?"],
            },
            Denied = new Dictionary<string, IReadOnlyList<string>> { ["investing"] = ["Which stocks should I buy to get rich?", "Give me investment advice for my savings."] },
        },
    };

    private readonly GuardDetectors _detectors = GuardDetectors.Create();

    public void Dispose() => _detectors.Dispose();

    [Theory]
    [InlineData("I was charged twice this month, can you fix it?")]
    [InlineData("Please send me my invoice as a PDF")]
    [InlineData("How can I update the card used for payments?")]
    [InlineData("The tracking number does not work")]
    [InlineData("When will my package be delivered?")]
    [InlineData("I need to return an item, how do I ship it back?")]
    [InlineData("Do you deliver on weekends?")]
    [InlineData("Why is there a late fee on my bill?")]
    public async Task OnTopicRequestsAreAllowed(string request) => Assert.Equal(GuardActions.Allow, await ActionAsync(request));

    [Theory]
    [InlineData("What is the capital of Australia?")]
    [InlineData("Write me a poem about the sea")]
    [InlineData("Explain quantum entanglement simply")]
    [InlineData("Who won the football world cup in 2014?")]
    [InlineData("Give me a recipe for lasagna")]
    [InlineData("How do I fix a null reference exception in C#?")]
    [InlineData("Tell me a joke about cats")]
    [InlineData("What is the meaning of life?")]
    [InlineData("Should I put my savings in crypto or in index funds?")]
    [InlineData("What shares would you buy right now?")]
    public async Task OffTopicAndDeniedRequestsAreRefused(string request) => Assert.Equal(GuardActions.Block, await ActionAsync(request));

    private async Task<string> ActionAsync(string request)
    {
        var (decisions, _) = await GuardChecks.CheckAsync(request, Support, new GuardDependencies(_detectors.Pii, _detectors.Injection, _detectors.Embedder));
        return Assert.Single(decisions).Action;
    }
}
