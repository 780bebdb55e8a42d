namespace Grounded.Rag.Retrieve;

/// <summary>How the hybrid mode combines its dense and keyword candidates.</summary>
public enum FusionMethod
{
    /// <summary>Weighted reciprocal rank fusion: each leg adds weight / (k + rank); scores are ignored.</summary>
    Rrf,

    /// <summary>Each leg's scores min-max normalised to [0, 1] over its candidates, then combined by weight.</summary>
    Weighted,
}
