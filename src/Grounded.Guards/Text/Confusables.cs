using System.Collections.Frozen;
using System.Text;

namespace Grounded.Guards.Text;

/// <summary>
/// The characters that look like ASCII letters, digits or spaces, and the ones that show nothing at all: a small table in
/// place of Unicode's NFKC and confusables data (the app runs with invariant globalization, where
/// <see cref="string.Normalize()"/> does nothing).
/// </summary>
internal static class Confusables
{
    // Cyrillic and Greek letters drawn like Latin ones. Folded only where the word is not genuinely Cyrillic or Greek.
    private static readonly FrozenDictionary<int, char> LookAlikeLetters = Pairs(
        ("АВЕЅІЈКМНОРСТХУҮԚԜҺаеѕіјорсухһԁӏԛԝ", "ABESIJKMHOPCTXYYQWHaesijopcyxhdlqw"),
        ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορυ", "ABEZHIKMNOPTYXaikvopu"));

    // Small capitals, letterlike symbols, ligature-free look-alikes: always folded (no language writes words with them).
    private static readonly FrozenDictionary<int, char> Symbols = Pairs(
        ("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz"),
        ("ℎℓℯℊℴℬℰℱℋℐℒℳℛℭℌℑℜℨℂℍℕℙℚℝℤℹⅰⅼⅽⅾⅿ", "hlegoBEFHILMRCHIRZCHNPQRZiilcdm"),
        ("ıȷɑɡǀſ", "ijagls"));

    private static readonly FrozenDictionary<int, string> Ligatures = new Dictionary<int, string>
    {
        ['ﬀ'] = "ff", ['ﬁ'] = "fi", ['ﬂ'] = "fl", ['ﬃ'] = "ffi", ['ﬄ'] = "ffl", ['ﬅ'] = "st", ['ﬆ'] = "st",
    }.ToFrozenDictionary();

    /// <summary>Gets whether <paramref name="rune"/> shows nothing (zero-width, bidi controls, soft hyphen, variation selectors, BOM).</summary>
    public static bool IsInvisible(Rune rune) => rune.Value switch
    {
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x180B and <= 0x180E => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xE0100 and <= 0xE01EF => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        _ => false,
    };

    /// <summary>Returns the ASCII character a Unicode tag character stands for (hidden text smuggled in tags), or null.</summary>
    public static char? TagCharacter(Rune rune) => rune.Value is >= 0xE0020 and <= 0xE007E ? (char)(rune.Value - 0xE0000) : null;

    /// <summary>Gets whether <paramref name="rune"/> is a tag character that carries nothing (begin and cancel tag).</summary>
    public static bool IsEmptyTag(Rune rune) => rune.Value is 0xE0001 or 0xE007F;

    /// <summary>Gets whether <paramref name="rune"/> is a Cyrillic or Greek letter that looks like a Latin one.</summary>
    public static bool IsLookAlikeLetter(Rune rune) => LookAlikeLetters.ContainsKey(rune.Value);

    /// <summary>Gets whether <paramref name="rune"/> is a Cyrillic or Greek letter that no Latin letter resembles (the word is genuinely Cyrillic or Greek).</summary>
    public static bool IsForeignLetter(Rune rune) =>
        rune.Value is >= 0x0370 and <= 0x052F && Rune.IsLetter(rune) && !LookAlikeLetters.ContainsKey(rune.Value);

    /// <summary>Returns the Latin letter a Cyrillic or Greek look-alike stands for, or null.</summary>
    public static char? FoldLookAlike(Rune rune) => LookAlikeLetters.TryGetValue(rune.Value, out var c) ? c : null;

    /// <summary>Returns the ASCII text a presentation form stands for (fullwidth, mathematical, circled, small capitals, odd spaces, ligatures), or null when it is none.</summary>
    public static string? FoldPresentation(Rune rune)
    {
        var v = rune.Value;
        return v switch
        {
            >= 0xFF01 and <= 0xFF5E => ((char)(v - 0xFEE0)).ToString(),
            0x00A0 or 0x1680 or 0x202F or 0x205F or 0x3000 or (>= 0x2000 and <= 0x200A) => " ",
            >= 0x1D400 and <= 0x1D6A3 => Letter((v - 0x1D400) % 52),
            >= 0x1D7CE and <= 0x1D7FF => ((char)('0' + ((v - 0x1D7CE) % 10))).ToString(),
            >= 0x24B6 and <= 0x24CF => ((char)('A' + (v - 0x24B6))).ToString(),
            >= 0x24D0 and <= 0x24E9 => ((char)('a' + (v - 0x24D0))).ToString(),
            >= 0x249C and <= 0x24B5 => ((char)('a' + (v - 0x249C))).ToString(),
            >= 0x1F130 and <= 0x1F149 => ((char)('A' + (v - 0x1F130))).ToString(),
            >= 0x1F150 and <= 0x1F169 => ((char)('A' + (v - 0x1F150))).ToString(),
            >= 0x1F170 and <= 0x1F189 => ((char)('A' + (v - 0x1F170))).ToString(),
            >= 0x1F1E6 and <= 0x1F1FF => ((char)('A' + (v - 0x1F1E6))).ToString(),
            _ when Symbols.TryGetValue(v, out var c) => c.ToString(),
            _ when Ligatures.TryGetValue(v, out var s) => s,
            _ => null,
        };
    }

    // The mathematical alphanumeric styles repeat A–Z a–z in blocks of 52.
    private static string Letter(int index) => ((char)(index < 26 ? 'A' + index : 'a' + index - 26)).ToString();

    private static FrozenDictionary<int, char> Pairs(params (string From, string To)[] rows)
    {
        var map = new Dictionary<int, char>();
        foreach (var (from, to) in rows)
        {
            var runes = from.EnumerateRunes().ToArray();
            if (runes.Length != to.Length)
            {
                throw new InvalidOperationException($"confusables row '{from}' has {runes.Length} characters for {to.Length}");
            }

            for (var i = 0; i < runes.Length; i++)
            {
                map[runes[i].Value] = to[i];
            }
        }

        return map.ToFrozenDictionary();
    }
}
