using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Prompts;
using Grounded.Stages;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Answer;

/// <summary>
/// Answers with a language model: the evidence goes into the registry prompt <c>grounded-answer</c> (<see cref="GroundedPrompt"/>;
/// the version passed, else the built-in default), the model writes an answer citing <c>[n]</c>, and only markers naming a
/// real source survive. An answer that cites no real source, or that says the sources do not answer, is an abstention.
/// </summary>
public sealed class ChatAnswerGenerator(IChatClient client, string model, ChatOptions? options = null, PromptVersion? prompt = null) : IAnswerGenerator
{
    private readonly ChatOptions _options = options?.Clone() ?? new ChatOptions { Temperature = 0 };
    private readonly PromptVersion _prompt = prompt ?? GroundedPrompt.Default;

    /// <summary>Gets the version of <c>grounded-answer</c> the answers are written with.</summary>
    public PromptVersion Prompt => _prompt;

    /// <inheritdoc />
    public string Name => $"llm:{model}";

    /// <inheritdoc />
    public async Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return GeneratedAnswer.Abstain();
        }

        var response = await client.GetResponseAsync(Messages(question, evidence), Options(question, evidence), cancellationToken).ConfigureAwait(false);
        return Read(response.Text, evidence, response.Usage);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AnswerUpdate> GenerateStreamingAsync(
        string question, IReadOnlyList<ScoredChunk> evidence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            var abstain = GeneratedAnswer.Abstain();
            yield return AnswerUpdate.Text(abstain.Text);
            yield return AnswerUpdate.Final(abstain);
            yield break;
        }

        var text = new StringBuilder();
        UsageDetails? usage = null;
        await foreach (var update in client.GetStreamingResponseAsync(Messages(question, evidence), Options(question, evidence), cancellationToken).ConfigureAwait(false))
        {
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            if (update.Text is { Length: > 0 } delta)
            {
                text.Append(delta);
                yield return AnswerUpdate.Text(delta);
            }
        }

        yield return AnswerUpdate.Final(Read(text.ToString(), evidence, usage));
    }

    // The question and a fingerprint of the sources' ids and texts, for the gateway's semantic cache: a question with the
    // same meaning over the same sources may be answered from it; a changed source never is.
    private ChatOptions Options(string question, IReadOnlyList<ScoredChunk> evidence)
    {
        var options = _options.Clone();
        options.AdditionalProperties = options.AdditionalProperties?.Clone() ?? [];
        options.AdditionalProperties[AnswerCacheHints.TextKey] = question;
        var sources = new StringBuilder(_prompt.Reference);
        foreach (var chunk in evidence)
        {
            sources.Append('\u0000').Append(chunk.Chunk.Id).Append('\u0000').Append(chunk.Chunk.Chunk.Text);
        }

        options.AdditionalProperties[AnswerCacheHints.ScopeKey] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sources.ToString())));
        return options;
    }

    private List<ChatMessage> Messages(string question, IReadOnlyList<ScoredChunk> evidence)
    {
        var (system, user) = GroundedPrompt.Messages(question, evidence, _prompt);
        return system.Length > 0 ? [new(ChatRole.System, system), new(ChatRole.User, user)] : [new(ChatRole.User, user)];
    }

    private static GeneratedAnswer Read(string raw, IReadOnlyList<ScoredChunk> evidence, UsageDetails? usage)
    {
        var tokens = usage is null ? null : new TokenUsage(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0, usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)));
        if (raw.Contains(GeneratedAnswer.AbstentionText.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            return GeneratedAnswer.Abstain() with { Usage = tokens };
        }

        var (answer, citations) = CitationParser.Parse(raw, evidence);
        return (citations.Count == 0 ? GeneratedAnswer.Abstain() : new GeneratedAnswer(answer, false, citations)) with { Usage = tokens };
    }
}
