using System.Text.Json.Serialization;

namespace Grounded.Answers;

/// <summary>
/// How well an answer's claims (its sentences) are supported by the sources they cite: counts, a confidence, and each
/// claim's verdict. An abstention makes no claim: 0 supported, 0 unsupported, confidence 0 (it offers no grounded content).
/// </summary>
/// <param name="Supported">How many claims a source they cite supports.</param>
/// <param name="Unsupported">How many claims no cited source supports (for an uncited claim: no retrieved source).</param>
/// <param name="Confidence">The mean of the claims' support, from 0 to 1 (0.5 is the verdict's threshold); 0 for an answer without claims.</param>
public sealed record Grounding(int Supported, int Unsupported, double Confidence)
{
    /// <summary>Gets each claim with its verdict, in answer order; null for an abstention.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GroundedClaim>? Claims { get; init; }

    /// <summary>Gets what judged the claims: <c>local</c> (embedding similarity and word overlap), or <c>judge:MODEL</c> when a model did.</summary>
    public string Method { get; init; } = "local";

    /// <summary>Gets how many citation markers named no source the answer was given and were removed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int RemovedCitations { get; init; }

    /// <summary>Gets how many claims the policy removed from the answer text (<c>strip</c>), or withheld by abstaining (<c>abstain</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Withheld { get; init; }

    /// <summary>Gets how long the verification took, in milliseconds (also in the answer's timings).</summary>
    [JsonIgnore]
    public double ElapsedMs { get; init; }

    /// <summary>Returns the grounding of an answer that makes no claim (an abstention).</summary>
    public static Grounding None(string method = "local") => new(0, 0, 0) { Method = method };
}
