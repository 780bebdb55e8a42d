namespace Grounded.Gateway.Tokens;

/// <summary>Tells which script a letter or combining mark belongs to, by Unicode block (.NET exposes no script property).</summary>
internal static class UnicodeScripts
{
    /// <summary>Returns the script of a letter or mark; null for a mark any script uses (combining accents), which belongs to the letter before it.</summary>
    public static WritingScript? Of(int codePoint) => codePoint switch
    {
        < 0x0300 => WritingScript.Latin, // Basic Latin, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
        < 0x0370 => null, // combining diacritical marks
        < 0x0400 => WritingScript.Greek,
        < 0x0530 => WritingScript.Cyrillic,
        >= 0x0590 and < 0x0600 => WritingScript.Hebrew,
        >= 0x0600 and < 0x0700 => WritingScript.Arabic,
        >= 0x0750 and < 0x0780 => WritingScript.Arabic,
        >= 0x0870 and < 0x0900 => WritingScript.Arabic,
        >= 0x0900 and < 0x0980 => WritingScript.Devanagari,
        >= 0x0E00 and < 0x0E80 => WritingScript.Thai,
        >= 0x1100 and < 0x1200 => WritingScript.Cjk, // Hangul Jamo
        >= 0x1AB0 and < 0x1B00 => null,
        >= 0x1C80 and < 0x1C90 => WritingScript.Cyrillic,
        >= 0x1D00 and < 0x1DC0 => WritingScript.Latin, // phonetic extensions
        >= 0x1DC0 and < 0x1E00 => null,
        >= 0x1E00 and < 0x1F00 => WritingScript.Latin,
        >= 0x1F00 and < 0x2000 => WritingScript.Greek,
        >= 0x2070 and < 0x20A0 => WritingScript.Latin, // superscript and subscript letters
        >= 0x20D0 and < 0x2100 => null,
        >= 0x2C60 and < 0x2C80 => WritingScript.Latin,
        >= 0x2DE0 and < 0x2E00 => WritingScript.Cyrillic,
        >= 0x2E80 and < 0x2FE0 => WritingScript.Cjk, // radicals
        >= 0x3000 and < 0x3040 => WritingScript.Cjk, // the letters among CJK punctuation: 々 〆 〇
        >= 0x3040 and < 0x3100 => WritingScript.Cjk, // Hiragana, Katakana
        >= 0x3100 and < 0x3200 => WritingScript.Cjk, // Bopomofo, Hangul compatibility Jamo, Katakana extensions
        >= 0x3400 and < 0xA000 => WritingScript.Cjk, // Han, extension A and the unified block
        >= 0xA640 and < 0xA6A0 => WritingScript.Cyrillic,
        >= 0xA720 and < 0xA800 => WritingScript.Latin,
        >= 0xA8E0 and < 0xA900 => WritingScript.Devanagari,
        >= 0xA960 and < 0xA980 => WritingScript.Cjk, // Hangul Jamo extension A
        >= 0xAB30 and < 0xAB70 => WritingScript.Latin,
        >= 0xAC00 and < 0xD800 => WritingScript.Cjk, // Hangul syllables, Jamo extension B
        >= 0xF900 and < 0xFB00 => WritingScript.Cjk, // compatibility ideographs
        >= 0xFB00 and < 0xFB07 => WritingScript.Latin, // ligatures
        >= 0xFB1D and < 0xFB50 => WritingScript.Hebrew,
        >= 0xFB50 and < 0xFE00 => WritingScript.Arabic,
        >= 0xFE00 and < 0xFE10 => null, // variation selectors (emoji presentation)
        >= 0xFE20 and < 0xFE30 => null,
        >= 0xFE70 and < 0xFF00 => WritingScript.Arabic,
        >= 0xFF21 and < 0xFF5B => WritingScript.Latin, // full-width
        >= 0xFF66 and < 0xFFE0 => WritingScript.Cjk, // half-width Katakana and Hangul
        >= 0x1B000 and < 0x1B170 => WritingScript.Cjk, // Kana supplement and extensions
        >= 0x20000 and < 0x40000 => WritingScript.Cjk, // Han extensions B and later
        >= 0xE0100 and < 0xE01F0 => null, // variation selectors supplement
        _ => WritingScript.Other,
    };
}
