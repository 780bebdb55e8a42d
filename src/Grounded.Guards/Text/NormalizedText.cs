namespace Grounded.Guards.Text;

/// <summary>A text as the detectors read it: disguises undone, with what was undone and a way back to the original's positions.</summary>
internal sealed class NormalizedText
{
    private readonly MappedText _mapped;

    /// <summary>Creates the result of normalising <paramref name="original"/>.</summary>
    public NormalizedText(string original, MappedText mapped, IReadOnlyList<string> transformations)
    {
        Original = original;
        _mapped = mapped;
        Transformations = transformations;
    }

    /// <summary>Gets the text as given.</summary>
    public string Original { get; }

    /// <summary>Gets the normalised text.</summary>
    public string Text => _mapped.Text;

    /// <summary>Gets what the normaliser did, in the order it did it (empty when the text needed nothing).</summary>
    public IReadOnlyList<string> Transformations { get; }

    /// <summary>Returns the range of the original text that produced <paramref name="length"/> normalised characters from <paramref name="start"/>.</summary>
    public (int Start, int Length) ToOriginal(int start, int length) => _mapped.ToOriginal(start, length);
}
