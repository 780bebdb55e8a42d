namespace Grounded.Rag.Verify;

/// <summary>What a grounding check does with the claims no cited source supports.</summary>
public enum GroundingPolicy
{
    /// <summary>No check: answers carry no grounding.</summary>
    Off,

    /// <summary>Keep the answer as written; report each claim's verdict in its grounding.</summary>
    Annotate,

    /// <summary>Remove unsupported claims from the answer (and the citations only they used); abstain when none is left.</summary>
    Strip,

    /// <summary>Abstain when the share of supported claims is below <see cref="GroundingOptions.MinSupport"/>.</summary>
    Abstain,
}
