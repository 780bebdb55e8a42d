using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>Runs a policy's input guards over a text outside any request (<c>grounded guard check</c>): every guard runs, nothing is thrown.</summary>
public static class GuardChecks
{
    /// <summary>Returns each input guard's decision about <paramref name="text"/> (as a user message), and the text as the provider would receive it.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="policy">The guards to run.</param>
    /// <param name="dependencies">The detectors and the embedding model.</param>
    /// <param name="models">Reaches the moderation model, if one is configured; null: moderation reports its model unavailable.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    public static async Task<(IReadOnlyList<GuardDecision> Decisions, string Text)> CheckAsync(
        string text, GuardPolicy policy, GuardDependencies dependencies, IChatClient? models = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(policy);
        var pipeline = new GuardPipeline(policy, dependencies, new ModerationVerdicts());
        var check = new InputCheck([new ChatMessage(ChatRole.User, text)], null);
        var decisions = new List<GuardDecision>();
        await pipeline.RunInputAsync(check, models ?? new UnavailableModels(), decisions.Add, enforce: false, cancellationToken).ConfigureAwait(false);
        return (decisions, check.Messages[0].Text);
    }

    private sealed class UnavailableModels : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("no model is configured here");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("no model is configured here");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
