using System.Text;

namespace Grounded.Guards.Text;

/// <summary>
/// The character pass of the normaliser: drops invisible characters, reads Unicode tag characters as the ASCII they hide,
/// and folds presentation forms and look-alike letters to ASCII. Cyrillic and Greek look-alikes are folded only in words
/// that are not genuinely Cyrillic or Greek, so Russian or Greek text is left as it is.
/// </summary>
internal static class CharacterFolding
{
    /// <summary>Returns <paramref name="source"/> folded, adding to <paramref name="done"/> the names of the transformations that changed something.</summary>
    public static MappedText Fold(MappedText source, ISet<string> done)
    {
        var text = source.Text;
        if (IsPlainAscii(text))
        {
            return source;
        }

        var foldWord = LookAlikeWords(text);
        var builder = new MappedText.Builder(source);
        var changed = false;
        var i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width) != System.Buffers.OperationStatus.Done)
            {
                builder.Copy(i, 1);
                i++;
                continue;
            }

            string? replacement = null;
            if (Confusables.IsInvisible(rune) || Confusables.IsEmptyTag(rune) || IsMarkOnAscii(text, i, rune))
            {
                replacement = string.Empty;
                done.Add(TextTransformations.Invisible);
            }
            else if (Confusables.TagCharacter(rune) is { } tagged)
            {
                replacement = tagged.ToString();
                done.Add(TextTransformations.TagCharacters);
            }
            else if (Confusables.FoldPresentation(rune) is { } folded)
            {
                replacement = folded;
                done.Add(TextTransformations.LookAlikes);
            }
            else if (foldWord[i] && Confusables.FoldLookAlike(rune) is { } letter)
            {
                replacement = letter.ToString();
                done.Add(TextTransformations.LookAlikes);
            }

            if (replacement is null)
            {
                builder.Copy(i, width);
            }
            else
            {
                changed = true;
                if (replacement.Length > 0)
                {
                    builder.Replace(i, width, replacement);
                }
            }

            i += width;
        }

        return changed ? builder.Build() : source;
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    // A combining mark stacked on an ASCII letter (zalgo text, or a dot over an i) hides the word from a pattern.
    private static bool IsMarkOnAscii(string text, int i, Rune rune) =>
        rune.Value is >= 0x0300 and <= 0x036F && i > 0 && (char.IsAsciiLetter(text[i - 1]) || text[i - 1] is >= '\u0300' and <= '\u036F');

    // For each position: whether it is in a word whose look-alike letters should be folded. A word with a Latin letter
    // is folded (mixed scripts are a disguise); a word with a letter no Latin one resembles is genuine and kept; a word of
    // look-alikes only is folded unless the text is mostly genuine Cyrillic or Greek words.
    private static bool[] LookAlikeWords(string text)
    {
        var fold = new bool[text.Length];
        var words = new List<(int Start, int End, bool Latin, bool Foreign, bool LookAlike)>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            bool latin = false, foreign = false, lookAlike = false;
            while (i < text.Length && Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width) == System.Buffers.OperationStatus.Done && Rune.IsLetter(rune))
            {
                latin |= rune.Value < 0x250 && !Confusables.IsLookAlikeLetter(rune);
                foreign |= Confusables.IsForeignLetter(rune);
                lookAlike |= Confusables.IsLookAlikeLetter(rune);
                i += width;
            }

            if (i > start)
            {
                words.Add((start, i, latin, foreign, lookAlike));
            }
            else
            {
                i++;
            }
        }

        var genuine = words.Count(w => w.Foreign && !w.Latin);
        var latinWords = words.Count(w => w.Latin);
        foreach (var w in words)
        {
            var foldIt = w.LookAlike && (w.Latin || (!w.Foreign && genuine <= latinWords));
            for (var p = w.Start; p < w.End && foldIt; p++)
            {
                fold[p] = true;
            }
        }

        return fold;
    }
}
