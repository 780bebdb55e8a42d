namespace Grounded.Rag.Guard;

/// <summary>What happens to a retrieved chunk that looks like a prompt injection (<c>guards.retrieval.injection</c>).</summary>
public enum RetrievedInjectionAction
{
    /// <summary>Leave it out of the evidence: no model or caller sees it.</summary>
    Drop,

    /// <summary>Keep it, wrapped as quoted data that the answer prompt tells the model never to follow.</summary>
    Quote,

    /// <summary>Keep it as it is; only count and trace it.</summary>
    Flag,

    /// <summary>Do not check retrieved chunks for injections.</summary>
    Off,
}
