using System.Text;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Stages;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Answer;

/// <summary>
/// Answers with a language model: the evidence goes into the versioned prompt (<see cref="GroundedPrompt"/>), the model
/// writes an answer citing <c>[n]</c>, and only markers naming a real source survive. An answer that cites no real
/// source, or that says the sources do not answer, is an abstention.
/// </summary>
public sealed class ChatAnswerGenerator(IChatClient client, string model, ChatOptions? options = null) : IAnswerGenerator
{
    private readonly ChatOptions _options = options?.Clone() ?? new ChatOptions { Temperature = 0 };

    /// <inheritdoc />
    public string Name => $"llm:{model}";

    /// <inheritdoc />
    public Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
        StreamAsync(question, evidence, null, cancellationToken);

    /// <summary>Answers like <see cref="GenerateAsync"/>, handing each piece of text to <paramref name="onDelta"/> as the model writes it.</summary>
    public async Task<GeneratedAnswer> StreamAsync(
        string question, IReadOnlyList<ScoredChunk> evidence, Func<string, ValueTask>? onDelta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return GeneratedAnswer.Abstain();
        }

        var prompt = new ChatMessage(ChatRole.User, GroundedPrompt.Render(question, evidence));
        var text = new StringBuilder();
        if (onDelta is null)
        {
            text.Append((await client.GetResponseAsync([prompt], _options.Clone(), cancellationToken).ConfigureAwait(false)).Text);
        }
        else
        {
            await foreach (var update in client.GetStreamingResponseAsync([prompt], _options.Clone(), cancellationToken).ConfigureAwait(false))
            {
                if (update.Text is { Length: > 0 } delta)
                {
                    text.Append(delta);
                    await onDelta(delta).ConfigureAwait(false);
                }
            }
        }

        var raw = text.ToString();
        if (raw.Contains(GeneratedAnswer.AbstentionText.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            return GeneratedAnswer.Abstain();
        }

        var (answer, citations) = CitationParser.Parse(raw, evidence);
        return citations.Count == 0 ? GeneratedAnswer.Abstain() : new GeneratedAnswer(answer, false, citations);
    }
}
