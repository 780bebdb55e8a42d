namespace Grounded.Hosting.Prompts;

/// <summary>
/// A prompt version's score on an evaluation: the gated metric's value and every metric measured (null where one does not
/// apply), or, when it could not be scored, why (<see cref="Unscored"/>).
/// </summary>
/// <param name="Metric">The gated metric's name (snake_case, e.g. <c>token_f1</c>).</param>
/// <param name="Score">Its value; null when the version could not be scored.</param>
public sealed record PromptScore(string Metric, double? Score)
{
    /// <summary>Gets every metric measured, by name; empty when only the gated one is known.</summary>
    public IReadOnlyDictionary<string, double?> Metrics { get; init; } = new Dictionary<string, double?>();

    /// <summary>Gets how many data set items were scored; 0 when not known.</summary>
    public int Items { get; init; }

    /// <summary>Gets why the version could not be scored (one sentence); null when it was.</summary>
    public string? Reason { get; init; }

    /// <summary>Returns the score of a version that could not be scored on <paramref name="metric"/>, saying why.</summary>
    public static PromptScore Unscored(string metric, string reason) => new(metric, null) { Reason = reason };
}
