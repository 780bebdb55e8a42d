using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>The prompt-injection guard (<c>guards.injection</c>): block or flag requests the detector calls injections.</summary>
public sealed record InjectionGuardOptions
{
    /// <summary>Gets what the guard does with an injection: <see cref="GuardMode.Block"/> or <see cref="GuardMode.Flag"/>.</summary>
    /// <value>The default is <see cref="GuardMode.Block"/>.</value>
    public GuardMode Mode { get; init; } = GuardMode.Block;

    /// <summary>Gets the classifier score from which a text is an injection; null keeps the detector's calibrated decision.</summary>
    public double? Threshold { get; init; }
}
