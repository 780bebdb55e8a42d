namespace Grounded.Guards.Text;

/// <summary>The names the normaliser gives what it did to a text; a verdict's reason quotes them.</summary>
internal static class TextTransformations
{
    /// <summary>Zero-width, bidi-control and other invisible characters were removed.</summary>
    public const string Invisible = "removed invisible characters";

    /// <summary>Unicode tag characters (invisible ASCII) were read as the text they carry.</summary>
    public const string TagCharacters = "decoded hidden tag characters";

    /// <summary>Look-alike letters (Cyrillic, Greek, fullwidth, mathematical, circled) were folded to ASCII.</summary>
    public const string LookAlikes = "folded look-alike characters";

    /// <summary>A base64 segment decoding to text was replaced by its text.</summary>
    public const string Base64 = "decoded base64 segment";

    /// <summary>A hex segment decoding to text was replaced by its text.</summary>
    public const string Hex = "decoded hex segment";

    /// <summary>Words spelt out letter by letter were joined.</summary>
    public const string SpacedLetters = "joined spaced-out letters";

    /// <summary>Words in leetspeak (digits and symbols for letters) were read as letters.</summary>
    public const string Leetspeak = "undid leetspeak";
}
