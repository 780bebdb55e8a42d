using System.Runtime.CompilerServices;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Reads a source file as one block of text, exactly as written (line ends and indentation kept), because the code
/// chunker needs the whole file to find its function and type boundaries.
/// </summary>
internal sealed class SourceCodeReader : TextFileReader
{
    public override IReadOnlyCollection<string> Extensions { get; } =
        [".cs", ".csx", ".py", ".pyw", ".pyi", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts"];

    protected override async IAsyncEnumerable<TextBlock> ReadBlocksAsync(TextReader reader, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (text.AsSpan().Trim().Length > 0)
        {
            yield return new TextBlock(text, [], 0);
        }
    }
}
