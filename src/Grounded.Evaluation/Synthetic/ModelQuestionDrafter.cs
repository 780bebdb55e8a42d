using System.Text.Json;
using Grounded.Chunks;
using Microsoft.Extensions.AI;

namespace Grounded.Evaluation.Synthetic;

/// <summary>
/// Asks a model for one question a passage answers, as JSON <c>{"question", "answer"}</c> with the answer a short span
/// of the passage. A reply that does not parse, or whose answer is not in the passage, gives null (the caller falls back
/// to the templates).
/// </summary>
public sealed class ModelQuestionDrafter(IChatClient client, ChatOptions options)
{
    private const string Instructions = """
        You write questions for testing a question-answering system over documents.
        Given a passage, write ONE question that the passage answers on its own, and its answer.
        The answer must be a short span copied exactly from the passage (a few words, a number or a name).
        The question must make sense without the passage (name what it is about; never say "the passage" or "the text").
        Reply with JSON only: {"question": "...", "answer": "..."}
        """;

    /// <summary>Returns the model's question for <paramref name="chunk"/>, or null when its reply is unusable.</summary>
    public async Task<DraftedQuestion?> DraftAsync(StoredChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var passage = chunk.Chunk.Context.Length == 0 ? chunk.Chunk.Text : $"{chunk.Chunk.Context}\n\n{chunk.Chunk.Text}";
        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, $"Passage:\n{passage}")], options.Clone(), cancellationToken).ConfigureAwait(false);
        return Parse(response.Text, chunk.Chunk.Text);
    }

    /// <summary>Returns the question in <paramref name="reply"/> (the first JSON object in it) when its answer occurs in <paramref name="passage"/>; else null.</summary>
    public static DraftedQuestion? Parse(string reply, string passage)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(passage);
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(reply[start..(end + 1)]);
            var root = json.RootElement;
            var question = root.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()!.Trim() : string.Empty;
            var answer = root.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()!.Trim().TrimEnd('.') : string.Empty;
            return question.Length > 0 && answer.Length > 0 && passage.Contains(answer, StringComparison.OrdinalIgnoreCase)
                ? new DraftedQuestion(question, answer, "model")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
