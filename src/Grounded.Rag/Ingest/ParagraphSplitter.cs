using System.Text;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Streams a text reader into paragraph blocks (split at blank lines) without ever holding more than one paragraph;
/// a paragraph longer than <see cref="MaxBlockChars"/> is cut at its last whitespace so a file with no blank lines
/// (or no line breaks at all) still streams in bounded memory.
/// </summary>
internal static class ParagraphSplitter
{
    public const int MaxBlockChars = 16_384;

    public static async IAsyncEnumerable<(string Text, long Offset)> SplitAsync(
        TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new char[1 << 15];
        var paragraph = new StringBuilder();
        long position = 0;
        long start = 0;
        var newlines = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                var c = buffer[i];
                if (c == '\r')
                {
                    continue;
                }

                if (c == '\n')
                {
                    newlines++;
                    continue;
                }

                if (newlines >= 2 && paragraph.Length > 0)
                {
                    yield return (paragraph.ToString(), start);
                    paragraph.Clear();
                }
                else if (newlines == 1 && paragraph.Length > 0)
                {
                    paragraph.Append('\n');
                }

                newlines = 0;
                if (paragraph.Length == 0)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        continue;
                    }

                    start = position;
                }

                paragraph.Append(c);
                if (paragraph.Length >= MaxBlockChars)
                {
                    var cut = LastWhitespace(paragraph);
                    var text = paragraph.ToString(0, cut);
                    yield return (text, start);
                    paragraph.Remove(0, cut);
                    start += cut;
                }
            }
        }

        if (paragraph.Length > 0)
        {
            yield return (paragraph.ToString(), start);
        }
    }

    private static int LastWhitespace(StringBuilder text)
    {
        for (var i = text.Length - 1; i > text.Length / 2; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
