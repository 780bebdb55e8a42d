using System.Buffers;
using System.Globalization;
using System.Text;

namespace Grounded.Gateway.Tokens;

/// <summary>
/// Counts the words and o200k tokens of text per writing script, to show how much more a language costs per word than
/// English. Every token of the text is counted once, under the script of the character it starts at; punctuation,
/// digits and spaces belong to the script of the letters before them (at the start of a text, after them), so a
/// script's tokens include its punctuation. Words are runs of letters joined by apostrophes or hyphens; CJK has no
/// spaces between words, so there every character is counted as a word. Thai is written without spaces too: its
/// "words" are the runs between spaces or punctuation, which its letter count puts in proportion.
/// </summary>
/// <remarks>Not thread-safe: one tally per document or per thread, combined with <see cref="Add(ScriptTally)"/>.</remarks>
public sealed class ScriptTally
{
    private const byte Unassigned = byte.MaxValue;
    private static readonly int ScriptCount = Enum.GetValues<WritingScript>().Length;
    private readonly long[] _words = new long[ScriptCount];
    private readonly long[] _letters = new long[ScriptCount];
    private readonly long[] _tokens = new long[ScriptCount];
    private WritingScript? _context; // the script of the last letter counted, for text that starts without letters

    /// <summary>Gets the tokens counted.</summary>
    public long Tokens => _tokens.Sum();

    /// <summary>Gets the words counted.</summary>
    public long Words => _words.Sum();

    /// <summary>Gets the counts of the scripts seen, in <see cref="WritingScript"/> order.</summary>
    public IReadOnlyList<ScriptCount> Scripts =>
        [.. Enum.GetValues<WritingScript>().Where(s => _tokens[(int)s] > 0 || _words[(int)s] > 0).Select(s => new ScriptCount(s, _words[(int)s], _letters[(int)s], _tokens[(int)s]))];

    /// <summary>Counts one text: its tokens are counted as the text is sent to a model, whole.</summary>
    public void Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }

        var scriptAt = ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            var first = ReadLetters(text, scriptAt);
            var current = (byte)(first ?? _context ?? WritingScript.Other);
            for (var i = 0; i < text.Length; i++)
            {
                current = scriptAt[i] == Unassigned ? current : scriptAt[i];
                scriptAt[i] = current;
            }

            foreach (var token in O200k.Tokenizer.EncodeToTokens(text, out _))
            {
                var start = Math.Clamp(token.Offset.Start.GetOffset(text.Length), 0, text.Length - 1);
                _tokens[scriptAt[start]]++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scriptAt);
        }
    }

    /// <summary>Adds another tally's counts to this one.</summary>
    public void Add(ScriptTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var s = 0; s < ScriptCount; s++)
        {
            _words[s] += other._words[s];
            _letters[s] += other._letters[s];
            _tokens[s] += other._tokens[s];
        }
    }

    // Counts letters and words, marks the script of every letter's (and script-specific mark's) chars in scriptAt and
    // the rest Unassigned; returns the script of the first letter, if any.
    private WritingScript? ReadLetters(string text, byte[] scriptAt)
    {
        WritingScript? first = null;
        WritingScript? word = null; // the script of the word being read
        var joined = false; // an apostrophe or hyphen followed the word's last letter
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var script = Unassigned;
            if (category <= UnicodeCategory.OtherLetter)
            {
                var letter = UnicodeScripts.Of(rune.Value) ?? WritingScript.Other;
                _letters[(int)letter]++;
                if (letter == WritingScript.Cjk || letter != word)
                {
                    _words[(int)letter]++;
                }

                word = letter == WritingScript.Cjk ? null : letter;
                joined = false;
                first ??= letter;
                _context = letter;
                script = (byte)letter;
            }
            else if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                if ((UnicodeScripts.Of(rune.Value) ?? _context) is { } mark)
                {
                    script = (byte)mark;
                }
            }
            else if (word is not null && !joined && rune.Value is '\'' or '\u2019' or '-' or '\u2010')
            {
                joined = true;
            }
            else
            {
                word = null;
                joined = false;
            }

            scriptAt.AsSpan(index, rune.Utf16SequenceLength).Fill(script);
            index += rune.Utf16SequenceLength;
        }

        return first;
    }
}
