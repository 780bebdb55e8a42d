namespace Grounded.Guards.Pii;

/// <summary>What the PII detector looks for and how sure it must be; copied when the detector is built.</summary>
public sealed record PiiDetectorOptions
{
    /// <summary>The default <see cref="MinScore"/>: a weak cue alone (a capitalised pair of words) stays below it.</summary>
    public const double DefaultMinScore = 0.4;

    /// <summary>Gets the entity types to look for (<see cref="PiiTypes"/>); <see langword="null"/> looks for all of them.</summary>
    /// <value>The default is <see langword="null"/> (every type in <see cref="PiiDetector.SupportedTypes"/>).</value>
    public IReadOnlySet<string>? Types { get; init; }

    /// <summary>Gets whether person names are also recognized from the built-in lists of common first names and surnames.</summary>
    /// <value>The default is <see langword="true"/>; without them only context cues and capitalisation find names.</value>
    public bool UseNameLists { get; init; } = true;

    /// <summary>Gets the lowest score (0 to 1) an entity needs to be reported.</summary>
    /// <value>The default is <see cref="DefaultMinScore"/> (0.4).</value>
    public double MinScore { get; init; } = DefaultMinScore;

    /// <summary>Returns the problems with these options (unknown types, a score outside 0 to 1), all of them, or none.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Types is not null)
        {
            problems.AddRange(Types.Where(t => !PiiDetector.SupportedTypes.Contains(t, StringComparer.Ordinal))
                .Select(t => $"unknown PII type '{t}' (known: {string.Join(", ", PiiDetector.SupportedTypes)})"));
        }

        if (double.IsNaN(MinScore) || MinScore is < 0 or > 1)
        {
            problems.Add($"the PII detector's minimum score must be from 0 to 1 (got {MinScore})");
        }

        return problems;
    }
}
