namespace Grounded.Rag.Verify;

/// <summary>One sentence of an answer as a claim: where it sits in the text (markers included), its words without markers, and the sources it cites.</summary>
/// <param name="Start">The offset of the claim's first character in the answer (after unknown markers were removed).</param>
/// <param name="Length">The claim's length, its trailing citation markers included.</param>
/// <param name="Text">The claim without citation markers, whitespace collapsed.</param>
/// <param name="Cited">The source numbers its markers name, in order of first mention.</param>
internal sealed record Claim(int Start, int Length, string Text, IReadOnlyList<int> Cited)
{
    /// <summary>Gets the offset just past the claim.</summary>
    public int End => Start + Length;
}
