using System.Text.RegularExpressions;
using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>
/// Tells answers that refuse (<c>I can't help with that</c>, <c>As an AI language model…</c>) from the start of their
/// text: counted (<c>grounded.guard.refusals</c>), because over-refusal is a failure too, and never changed.
/// </summary>
internal static partial class RefusalDetector
{
    /// <summary>How much of an answer's start is read: refusals come first.</summary>
    public const int Window = 400;

    /// <summary>Returns the refusal decision for an answer that starts like one, else null.</summary>
    public static GuardDecision? Check(string answer)
    {
        var start = answer.Length > Window ? answer[..Window] : answer;
        var match = Pattern().Match(start);
        return match.Success ? new GuardDecision(GuardNames.Refusal, GuardActions.Flag, "the answer reads as a refusal", [new GuardSpan(match.Index, match.Length, "refusal")]) : null;
    }

    [GeneratedRegex(
        @"\b(?:I(?:'m| am)\s+(?:really\s+|very\s+)?sorry,?\s+(?:but\s+)?I\s+(?:can(?:'|’)?t|cannot|won(?:'|’)t|am\s+(?:not\s+able|unable)\s+to)|I\s+(?:can(?:'|’)?t|cannot|won(?:'|’)t|will\s+not|am\s+(?:not\s+able|unable)\s+to|(?:'|’)m\s+(?:not\s+able|unable)\s+to)\s+(?:help|assist|provide|comply|answer|fulfil|fulfill|support|engage|do\s+that|share)|As\s+an\s+AI(?:\s+language\s+model|\s+assistant)?,|I\s+must\s+(?:respectfully\s+)?decline|I(?:'m| am)\s+not\s+(?:able|allowed|permitted)\s+to\s+(?:help|assist|provide|discuss|answer))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
