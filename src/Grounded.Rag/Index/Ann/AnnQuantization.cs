namespace Grounded.Rag.Index.Ann;

/// <summary>How the approximate index stores its copy of the vectors; candidates are always rescored exactly from the float vectors.</summary>
public enum AnnQuantization
{
    /// <summary>32-bit floats: 1,536 bytes per 384-d vector.</summary>
    F32,

    /// <summary>16-bit floats: half the memory, no measurable loss after rescoring.</summary>
    F16,

    /// <summary>8-bit integers: a quarter of the memory and the fastest to build; needs rescoring to keep recall.</summary>
    I8,
}
