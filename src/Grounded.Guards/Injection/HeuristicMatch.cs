namespace Grounded.Guards.Injection;

/// <summary>An injection pattern found in a normalised text.</summary>
/// <param name="Name">The pattern's name, as a verdict's reason gives it (<c>ignore previous instructions</c>).</param>
/// <param name="Start">Where the match starts in the normalised text.</param>
/// <param name="Length">How many characters of the normalised text it covers.</param>
internal readonly record struct HeuristicMatch(string Name, int Start, int Length);
