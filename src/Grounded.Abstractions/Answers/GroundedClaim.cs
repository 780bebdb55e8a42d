using System.Text.Json.Serialization;

namespace Grounded.Answers;

/// <summary>One claim (sentence) of an answer and whether its sources support it.</summary>
/// <param name="Text">The claim as the answer states it, without its citation markers.</param>
/// <param name="Supported">Whether a source it cites supports it (an uncited claim: any retrieved source).</param>
/// <param name="Support">How strongly, from 0 to 1; supported from 0.5.</param>
/// <param name="Sources">The source numbers (<c>[n]</c>) the claim cites; empty when it cites none.</param>
public sealed record GroundedClaim(string Text, bool Supported, double Support, IReadOnlyList<int> Sources)
{
    /// <summary>Gets why an unsupported claim failed, in a few words (<c>number not in source</c>, <c>cites a source that does not support it</c>); null when supported.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}
