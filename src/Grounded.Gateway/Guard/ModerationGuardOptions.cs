using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>Moderation with a configured model (<c>guards.moderation</c>) against the versioned policy prompt's categories.</summary>
public sealed record ModerationGuardOptions
{
    /// <summary>Gets the configured model that classifies.</summary>
    public required string Model { get; init; }

    /// <summary>Gets what the guard does with flagged text: <see cref="GuardMode.Block"/> or <see cref="GuardMode.Flag"/>.</summary>
    /// <value>The default is <see cref="GuardMode.Block"/>.</value>
    public GuardMode Mode { get; init; } = GuardMode.Block;

    /// <summary>Gets whether requests are classified.</summary>
    /// <value>The default is true.</value>
    public bool Input { get; init; } = true;

    /// <summary>Gets whether answers are classified (a stream's when it ends).</summary>
    /// <value>The default is false: a second model call per answer.</value>
    public bool Output { get; init; }

    /// <summary>Gets the policy's categories checked; null checks them all (<see cref="ModerationPolicy.Categories"/>).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Gets whether a request is refused (503) when the model cannot classify it; false lets it through, flagged.</summary>
    /// <value>The default is false (fail open).</value>
    public bool FailClosed { get; init; }
}
