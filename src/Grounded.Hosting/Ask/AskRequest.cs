namespace Grounded.Hosting.Ask;

/// <summary>
/// A question and how to answer it: the body of <c>POST /v1/ask</c> and what <c>grounded ask</c>'s flags say. Settings
/// left null take the configured defaults (<see cref="GroundedOptions"/>).
/// </summary>
public sealed record AskRequest
{
    /// <summary>Gets the question.</summary>
    public string? Question { get; init; }

    /// <summary>Gets how many chunks to answer from (1 to 1000).</summary>
    public int? TopK { get; init; }

    /// <summary>Gets the configured model that writes the answer; null: the configured default, else the extractive answerer.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Gets the answer prompt to write with, as <c>ID</c> (its active version) or <c>ID@VERSION</c>; null: the active
    /// <c>grounded-answer</c>. A pinned prompt answers with <see cref="Model"/>, else the prompt's own model, else the configured one.
    /// </summary>
    public string? Prompt { get; init; }

    /// <summary>Gets the retrieval mode: <c>hybrid</c>, <c>dense</c> or <c>keyword</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Gets how many retrieved chunks the sentence reranker reorders (0 to 1000; 0 is off).</summary>
    public int? Rerank { get; init; }

    /// <summary>Gets the λ of maximal marginal relevance over the retrieved chunks (0 to 1; 0 is off).</summary>
    public double? Mmr { get; init; }

    /// <summary>Gets the collection documents must belong to.</summary>
    public string? Collection { get; init; }

    /// <summary>Gets the text documents' sources must start with.</summary>
    public string? SourcePrefix { get; init; }

    /// <summary>Gets the tags documents must all carry.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Gets whether the answer is streamed (HTTP only: server-sent events).</summary>
    public bool Stream { get; init; }
}
