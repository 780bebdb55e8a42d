using System.Text.Json.Serialization;

namespace Grounded.Answers;

/// <summary>Where the time of one question went, in milliseconds.</summary>
public sealed record AnswerTimings(double RetrieveMs, double GenerateMs, double TotalMs)
{
    /// <summary>Gets the part of <see cref="GenerateMs"/> the grounding check took; null, and left out of JSON, when none ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? VerifyMs { get; init; }
}
