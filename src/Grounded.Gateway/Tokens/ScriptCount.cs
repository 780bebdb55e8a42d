namespace Grounded.Gateway.Tokens;

/// <summary>How much text of one script a tally saw, and what it cost in o200k tokens.</summary>
/// <param name="Script">The script.</param>
/// <param name="Words">The words: runs of letters (with in-word apostrophes and hyphens), except in CJK, where every character counts as a word.</param>
/// <param name="Letters">The letters (combining marks not counted).</param>
/// <param name="Tokens">The tokens, including those of the punctuation, digits and spaces that stand among the script's words.</param>
public sealed record ScriptCount(WritingScript Script, long Words, long Letters, long Tokens)
{
    /// <summary>Gets the tokens per word, or null when there are no words.</summary>
    public double? TokensPerWord => Words == 0 ? null : (double)Tokens / Words;
}
