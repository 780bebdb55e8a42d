namespace Grounded.Rag.Index.Ann;

/// <summary>How the approximate index stores its copy of the vectors; candidates are always rescored exactly from the float vectors.</summary>
public enum AnnQuantization
{
    /// <summary>32-bit floats: 1,536 bytes per 384-d vector.</summary>
    F32,

    /// <summary>16-bit floats: half the memory.</summary>
    F16,

    /// <summary>8-bit integers: a quarter of the memory for the vectors and the fastest to build; rescoring keeps recall (the default).</summary>
    I8,
}
