namespace Grounded.Answers;

/// <summary>What the guards on retrieved chunks did before the answer was written: counts only, never the text.</summary>
/// <param name="Dropped">Chunks left out because they look like a prompt injection.</param>
/// <param name="Quoted">Chunks that look like a prompt injection, kept but quoted as inert data.</param>
/// <param name="Flagged">Chunks that look like a prompt injection, kept as they are (flag only).</param>
/// <param name="Redacted">Chunks of sensitive collections whose personal data was replaced by typed placeholders.</param>
/// <param name="PiiFound">Chunks of sensitive collections found holding personal data (redacted or, with <c>pii: flag</c>, only counted).</param>
public sealed record RetrievalGuardReport(int Dropped, int Quoted, int Flagged, int Redacted, int PiiFound)
{
    /// <summary>Gets the report of a guard that changed nothing.</summary>
    public static RetrievalGuardReport Clean { get; } = new(0, 0, 0, 0, 0);
}
