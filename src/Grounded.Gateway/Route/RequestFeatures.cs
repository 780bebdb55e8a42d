namespace Grounded.Gateway.Route;

/// <summary>
/// What <see cref="RequestClassifier"/> read from a request, cheaply: sizes from the whole prompt, cues from the last user
/// message (all of it, or its head and tail: <see cref="RequestClassifier.ScanLimit"/> characters); the cues of a prompt
/// already long (<see cref="RequestClass.Long"/>) are not read, and are left empty.
/// </summary>
public sealed record RequestFeatures
{
    /// <summary>Gets the prompt's estimated token count (characters weighted by script, not tokenized).</summary>
    public required int PromptTokens { get; init; }

    /// <summary>Gets how many user messages the conversation holds.</summary>
    public required int UserTurns { get; init; }

    /// <summary>Gets the answer size the request asked for (<c>max_tokens</c>), if it did.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Gets whether the last user message holds a fenced code block (<c>```</c>).</summary>
    public bool CodeFence { get; init; }

    /// <summary>Gets how many lines of the last user message look like code (ending in <c>;</c>, <c>{</c> or <c>}</c>).</summary>
    public int CodeLines { get; init; }

    /// <summary>Gets the code words found (languages, tools, <c>function</c>, <c>stack trace</c>, ...), each once.</summary>
    public IReadOnlyList<string> CodeWords { get; init; } = [];

    /// <summary>Gets the reasoning cues found (<c>prove</c>, <c>step by step</c>, <c>why</c>, ...), each once.</summary>
    public IReadOnlyList<string> ReasoningCues { get; init; } = [];

    /// <summary>Gets how many math symbols and small equations (<c>x + 2 = 5</c>, <c>∑</c>, <c>\frac</c>) the last user message holds.</summary>
    public int MathSymbols { get; init; }

    /// <summary>Gets the share of the last user message's letters that are outside the Latin script (0 to 1).</summary>
    public double NonLatinShare { get; init; }
}
