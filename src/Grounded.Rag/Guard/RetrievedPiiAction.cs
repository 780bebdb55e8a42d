namespace Grounded.Rag.Guard;

/// <summary>What happens to personal data in a retrieved chunk of a sensitive collection (<c>guards.retrieval.pii</c>).</summary>
public enum RetrievedPiiAction
{
    /// <summary>Replace each entity by a typed placeholder (<c>&lt;EMAIL_ADDRESS&gt;</c>) before the answer model or the caller sees the chunk.</summary>
    Redact,

    /// <summary>Keep the text; only count and trace what was found.</summary>
    Flag,
}
