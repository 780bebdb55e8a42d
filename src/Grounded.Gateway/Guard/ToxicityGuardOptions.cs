using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>The profanity and toxicity lexicon guard (<c>guards.toxicity</c>), on requests and/or answers.</summary>
public sealed record ToxicityGuardOptions
{
    /// <summary>Gets what the guard does with a lexicon term: block, redact (masked with <c>*</c>) or flag.</summary>
    /// <value>The default is <see cref="GuardMode.Flag"/>.</value>
    public GuardMode Mode { get; init; } = GuardMode.Flag;

    /// <summary>Gets whether requests are checked.</summary>
    /// <value>The default is true.</value>
    public bool Input { get; init; } = true;

    /// <summary>Gets whether answers are checked (streams too, a sentence at a time).</summary>
    /// <value>The default is true.</value>
    public bool Output { get; init; } = true;
}
