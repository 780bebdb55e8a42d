using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Reads a source file as one block of text, exactly as written (line ends and indentation kept), because the code
/// chunker needs the whole file to find its function and type boundaries.
/// </summary>
internal sealed class SourceCodeReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } =
        [".cs", ".csx", ".py", ".pyw", ".pyi", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts"];

    public async IAsyncEnumerable<TextBlock> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string text;
        using (var reader = TextFileGuard.Open(path))
        {
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DecoderFallbackException error)
            {
                throw TextFileGuard.InvalidEncoding(error);
            }
        }

        if (text.AsSpan().Trim().Length > 0)
        {
            yield return new TextBlock(text, [], 0);
        }
    }
}
