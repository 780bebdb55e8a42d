namespace Grounded.Guards.Text;

/// <summary>
/// Undoes the disguises that hide an instruction from a pattern or a classifier: invisible and bidi characters, Unicode
/// tag characters, look-alike letters (Cyrillic, Greek, fullwidth, mathematical, circled), base64 and hex segments that
/// decode to text, words spelt out letter by letter, and leetspeak. Cheap on plain ASCII text, which passes the character pass untouched.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Returns <paramref name="text"/> normalised, with the transformations that changed it.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var done = new SortedSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var mapped = MappedText.Identity(text);
        foreach (var pass in Passes)
        {
            mapped = pass(mapped, done);
            order.AddRange(done.Except(order));
        }

        return new NormalizedText(text, mapped, order);
    }

    // Characters first (a base64 run may be written in fullwidth), then encodings, then leetspeak (which would garble base64).
    private static readonly Func<MappedText, ISet<string>, MappedText>[] Passes =
    [
        CharacterFolding.Fold,
        (text, done) => EncodedSegments.Decode(text, done),
        SpacedLetters.Join,
        Leetspeak.Undo,
    ];
}
