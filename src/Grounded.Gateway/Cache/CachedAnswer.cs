using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Cache;

/// <summary>A cached answer: its text, how it finished, the model that wrote it, its usage and what it cost then.</summary>
public sealed record CachedAnswer
{
    /// <summary>Gets the answer's text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets why the answer ended (<c>stop</c>, <c>length</c>).</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets the configured model that wrote it.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the input tokens it took.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the output tokens it took.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets what it cost when the provider wrote it: what each hit saves.</summary>
    public decimal Cost { get; init; }

    /// <summary>Gets the normalised request text it answered (the semantic cache compares new requests to it).</summary>
    public string? RequestText { get; init; }

    /// <summary>Returns the entry for <paramref name="response"/>, or null when it cannot be replayed faithfully (tool calls, refusals, no text).</summary>
    public static CachedAnswer? From(ChatResponse response, string? model, decimal cost, string? requestText = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        if (contents.Any(c => c is not (TextContent or UsageContent)) || response.Text.Length == 0
            || (response.FinishReason is { } finish && finish != ChatFinishReason.Stop && finish != ChatFinishReason.Length))
        {
            return null;
        }

        return new CachedAnswer
        {
            Text = response.Text,
            FinishReason = response.FinishReason?.Value,
            Model = model,
            InputTokens = response.Usage?.InputTokenCount ?? 0,
            OutputTokens = response.Usage?.OutputTokenCount ?? 0,
            Cost = cost,
            RequestText = requestText,
        };
    }

    /// <summary>Returns the answer as a response.</summary>
    public ChatResponse ToResponse() => new(new ChatMessage(ChatRole.Assistant, Text))
    {
        FinishReason = FinishReason is null ? ChatFinishReason.Stop : new ChatFinishReason(FinishReason),
        ModelId = Model,
        Usage = Usage(),
    };

    /// <summary>Returns the answer as a stream, as a provider would send it: the text a few words at a time, then the finish and the usage.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> ToUpdates()
    {
        await Task.Yield();
        foreach (var piece in Pieces(Text))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = Model };
        }

        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            FinishReason = FinishReason is null ? ChatFinishReason.Stop : new ChatFinishReason(FinishReason),
            Contents = [new UsageContent(Usage())],
        };
    }

    // Four words per piece, spaces kept, so the pieces join back into the exact text.
    private static IEnumerable<string> Pieces(string text)
    {
        const int WordsPerPiece = 4;
        var start = 0;
        var words = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ' ' && text[i - 1] != ' ' && ++words == WordsPerPiece)
            {
                yield return text[start..i];
                start = i;
                words = 0;
            }
        }

        yield return text[start..];
    }

    private UsageDetails Usage() => new() { InputTokenCount = InputTokens, OutputTokenCount = OutputTokens, TotalTokenCount = InputTokens + OutputTokens };
}
