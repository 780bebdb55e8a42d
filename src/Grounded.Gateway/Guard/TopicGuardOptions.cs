using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The topic policy (<c>guards.topics</c>): topics described by example sentences. A request whose best similarity to
/// every allowed topic's examples is below <see cref="AllowedAbove"/>, or whose similarity to a denied topic's example
/// reaches <see cref="DeniedAbove"/> and beats every allowed topic's, gets the polite <see cref="Refusal"/> instead of an answer.
/// </summary>
public sealed record TopicGuardOptions
{
    /// <summary>The refusal sent when none is configured.</summary>
    public const string DefaultRefusal = "Sorry, I can only help with questions about the topics this assistant covers.";

    /// <summary>Gets what the guard does with an off-topic request: <see cref="GuardMode.Block"/> (refuse politely) or <see cref="GuardMode.Flag"/>.</summary>
    /// <value>The default is <see cref="GuardMode.Block"/>.</value>
    public GuardMode Mode { get; init; } = GuardMode.Block;

    /// <summary>Gets the allowed topics: name → example sentences; empty allows every topic not denied.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Allowed { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Gets the denied topics: name → example sentences.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Denied { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Gets the similarity to an allowed example (cosine, the common component of sentences taken off) from which a request is on topic.</summary>
    /// <value>The default is 0.35 (arctic-embed-xs; see docs/guardrails.md for the calibration).</value>
    public double AllowedAbove { get; init; } = 0.35;

    /// <summary>Gets the similarity to a denied example from which a request is refused, when no allowed topic is closer.</summary>
    /// <value>The default is 0.45.</value>
    public double DeniedAbove { get; init; } = 0.45;

    /// <summary>Gets the assistant message sent instead of an answer.</summary>
    public string Refusal { get; init; } = DefaultRefusal;
}
