using Grounded.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// A model that answers at once: a <c>search_documents</c> call (new arguments each time, so the repeat detector stays quiet)
/// until the run has <c>toolSteps</c> results, then a final answer. Its own time is clocked so it can be taken out.
/// </summary>
internal sealed class InstantAgentModel(StepClock clock, int toolSteps) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(clock.Time(model: true, () =>
        {
            var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Count();
            var message = results < toolSteps
                ? new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{results}", "search_documents", new Dictionary<string, object?> { ["query"] = $"beacon restart interval {results}" })])
                : new ChatMessage(ChatRole.Assistant, "The beacon restarts every 40 minutes [1].");
            return new ChatResponse(message)
            {
                FinishReason = results < toolSteps ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
                Usage = new UsageDetails { InputTokenCount = 200, OutputTokenCount = 20, TotalTokenCount = 220 },
            };
        }));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the agent loop does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
