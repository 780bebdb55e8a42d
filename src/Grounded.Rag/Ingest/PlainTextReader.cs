using System.Runtime.CompilerServices;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>Reads plain text files as paragraphs, streaming, so files of any size ingest in bounded memory.</summary>
internal sealed class PlainTextReader : TextFileReader
{
    public override IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text", ".log", ".csv", ".rst"];

    protected override async IAsyncEnumerable<TextBlock> ReadBlocksAsync(TextReader reader, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (text, offset) in ParagraphSplitter.SplitAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            yield return new TextBlock(text, [], offset);
        }
    }
}
