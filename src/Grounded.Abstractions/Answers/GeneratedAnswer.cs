namespace Grounded.Answers;

/// <summary>What a generator produced from retrieved evidence: the text and the sources it cites.</summary>
/// <param name="Text">The answer, with <c>[n]</c> markers, or the abstention message.</param>
/// <param name="Abstained">Whether the generator declined because the evidence does not answer the question.</param>
/// <param name="Citations">The cited sources, numbered as in the text; empty when abstaining.</param>
public sealed record GeneratedAnswer(string Text, bool Abstained, IReadOnlyList<Citation> Citations)
{
    /// <summary>Gets the tokens a language model used to write the answer; null for a generator without one.</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>Gets how well the answer's claims are supported by the sources they cite, once a grounding check ran; null before.</summary>
    public Grounding? Grounding { get; init; }

    /// <summary>The sentence every generator uses to abstain.</summary>
    public const string AbstentionText = "The indexed documents do not answer this.";

    /// <summary>Returns an abstention.</summary>
    public static GeneratedAnswer Abstain() => new(AbstentionText, true, []);
}
