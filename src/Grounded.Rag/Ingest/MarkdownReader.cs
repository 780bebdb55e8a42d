using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>Reads Markdown as paragraphs under their ATX heading path; fenced code stays one block; streams line by line.</summary>
internal sealed class MarkdownReader : TextFileReader
{
    public override IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown", ".mdx"];

    protected override async IAsyncEnumerable<TextBlock> ReadBlocksAsync(TextReader reader, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var headings = new HeadingTrail();
        var block = new StringBuilder();
        long blockStart = 0;
        long position = 0;
        var inFence = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var lineStart = position;
            position += line.Length + 1;
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            var heading = inFence ? null : ParseHeading(trimmed);
            var flush = heading is not null || (!inFence && trimmed.Length == 0) || block.Length >= ParagraphSplitter.MaxBlockChars;
            if (flush && block.Length > 0)
            {
                yield return new TextBlock(block.ToString().TrimEnd(), headings.Current, blockStart);
                block.Clear();
            }

            if (heading is not null)
            {
                var (level, title) = heading.Value;
                headings.Enter(level, title);
                yield return new TextBlock(title, headings.Current, lineStart, IsHeading: true);
                continue;
            }

            if (trimmed.Length == 0 && !inFence)
            {
                continue;
            }

            if (block.Length == 0)
            {
                blockStart = lineStart;
            }
            else
            {
                block.Append('\n');
            }

            block.Append(line);
        }

        if (block.Length > 0)
        {
            yield return new TextBlock(block.ToString().TrimEnd(), headings.Current, blockStart);
        }
    }

    private static (int Level, string Title)? ParseHeading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        if (level is 0 or > 6 || (level < line.Length && line[level] != ' '))
        {
            return null;
        }

        var title = line[level..].Trim().TrimEnd('#').Trim();
        return title.Length == 0 ? null : (level, title);
    }
}
