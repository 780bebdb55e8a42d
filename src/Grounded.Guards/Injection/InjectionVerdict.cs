namespace Grounded.Guards.Injection;

/// <summary>Whether a text tries to override the instructions it is given to (a prompt injection), and why.</summary>
/// <param name="IsInjection">Whether the score reached the calibrated threshold, or a heuristic fired.</param>
/// <param name="Score">The classifier's probability that the text is an injection, from 0 to 1.</param>
/// <param name="Reason">Why, in a few words that quote nothing of the text (<c>classifier 0.93</c>, <c>heuristic: ignore previous instructions</c>).</param>
/// <param name="Spans">Where, when a heuristic or a decoded segment points at a part of the text.</param>
public sealed record InjectionVerdict(bool IsInjection, double Score, string Reason, IReadOnlyList<GuardSpan> Spans)
{
    /// <summary>Gets whether a hand-written pattern fired (an injection whatever threshold the classifier's score is held to).</summary>
    public bool MatchedPattern { get; init; }
}
