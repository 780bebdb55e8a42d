namespace Grounded.Guards.Injection;

/// <summary>How the injection detector decides.</summary>
public sealed class InjectionDetectorOptions
{
    /// <summary>Gets the classifier's probability from which a text is an injection, or null for the calibrated one.</summary>
    /// <value>The default is null: the threshold shipped with the weights, calibrated by cross-validation for at most 5% false positives.</value>
    public double? Threshold { get; init; }

    /// <summary>Gets the most windows (about 128 tokens each) scored per text; a longer text is sampled evenly across its length.</summary>
    /// <value>The default is 128 (about 16,000 tokens checked in full).</value>
    public int MaxWindows { get; init; } = 128;

    /// <summary>Gets whether the hand-written patterns decide too (a text is an injection when one fires, whatever the classifier says).</summary>
    /// <value>The default is true.</value>
    public bool UseHeuristics { get; init; } = true;

    /// <summary>Gets whether the classifier scores the text (one embedding per window); without it only the patterns decide, in well under a millisecond.</summary>
    /// <value>The default is true. The patterns alone catch about half of the injections the two catch together (see docs/benchmarks.md).</value>
    public bool UseClassifier { get; init; } = true;

    /// <summary>Returns every problem with these options (empty when they are usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Threshold is { } t && (double.IsNaN(t) || t is <= 0 or >= 1))
        {
            problems.Add($"the injection threshold must be between 0 and 1, exclusive (got {t})");
        }

        if (MaxWindows < 1)
        {
            problems.Add($"the injection detector must score at least one window per text (got {MaxWindows})");
        }

        if (!UseClassifier && !UseHeuristics)
        {
            problems.Add("the injection detector needs its classifier or its patterns (both are off)");
        }

        return problems;
    }
}
