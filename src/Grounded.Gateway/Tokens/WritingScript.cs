namespace Grounded.Gateway.Tokens;

/// <summary>The writing systems whose token cost <see cref="ScriptTally"/> tells apart.</summary>
public enum WritingScript
{
    /// <summary>Latin letters, with their accented and extended forms.</summary>
    Latin,

    /// <summary>Chinese, Japanese and Korean: Han ideographs, Hiragana, Katakana and Hangul.</summary>
    Cjk,

    /// <summary>Cyrillic.</summary>
    Cyrillic,

    /// <summary>Arabic, with its presentation forms.</summary>
    Arabic,

    /// <summary>Greek.</summary>
    Greek,

    /// <summary>Hebrew.</summary>
    Hebrew,

    /// <summary>Devanagari (Hindi, Marathi, Nepali, Sanskrit).</summary>
    Devanagari,

    /// <summary>Thai.</summary>
    Thai,

    /// <summary>Any other script, and text with no letters at all.</summary>
    Other,
}
