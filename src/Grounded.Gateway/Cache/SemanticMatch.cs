namespace Grounded.Gateway.Cache;

/// <summary>Whether a cached answer may serve a request, and why (see <see cref="SemanticMatcher"/>).</summary>
/// <param name="IsHit">Whether the cached answer may be served.</param>
/// <param name="Cosine">The cosine similarity of the two texts' embeddings (0 when their lengths differ).</param>
/// <param name="Reason">
/// A short, stable code for metrics: <c>hit</c>; <c>below-threshold</c>; <c>dimensions</c> (the embeddings' lengths
/// differ); or the guard rule that rejected the pair: <c>numbers</c>, <c>negation</c>, <c>name</c>, <c>order</c>,
/// <c>opposite</c>, <c>question</c>, <c>changed</c>.
/// </param>
/// <param name="Detail">What differed, for explaining a decision (for example <c>'reset' → 'change'</c>); empty on a hit.</param>
public readonly record struct SemanticMatch(bool IsHit, double Cosine, string Reason, string Detail);
