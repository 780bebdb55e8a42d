using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Ingest;

/// <summary>Reads plain text files as paragraphs, streaming, so files of any size ingest in bounded memory.</summary>
internal sealed class PlainTextReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text", ".log", ".csv", ".rst"];

    public async IAsyncEnumerable<TextBlock> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = TextFileGuard.Open(path);
        var paragraphs = ParagraphSplitter.SplitAsync(reader, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (paragraphs.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await paragraphs.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (DecoderFallbackException error)
                {
                    throw TextFileGuard.InvalidEncoding(error);
                }

                yield return new TextBlock(paragraphs.Current.Text, [], paragraphs.Current.Offset);
            }
        }
    }
}
