using System.Globalization;
using System.Text.Json;

namespace Grounded.Evaluation.Answers;

/// <summary>One judge reply: the rubric score (1–5) and its reason.</summary>
/// <param name="Score">The score from 1 to 5.</param>
/// <param name="Reason">Why, in the judge's words.</param>
public sealed record JudgeVerdict(double Score, string Reason)
{
    /// <summary>Gets the score mapped to 0..1 (1 → 0, 5 → 1).</summary>
    public double Normalized => (Score - 1) / 4;

    /// <summary>Returns the verdict in a reply (JSON, possibly fenced or with prose around it); null when it holds no score from 1 to 5.</summary>
    public static JudgeVerdict? Parse(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(reply[start..(end + 1)]);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("score", out var s))
            {
                return null;
            }

            double? score = s.ValueKind switch
            {
                JsonValueKind.Number => s.GetDouble(),
                JsonValueKind.String when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
                _ => null,
            };
            var reason = json.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty;
            return score is >= 1 and <= 5 ? new JudgeVerdict(score.Value, reason) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
