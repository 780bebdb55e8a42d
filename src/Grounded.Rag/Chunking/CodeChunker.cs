using System.Runtime.CompilerServices;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Splits source code at function and type boundaries (see <see cref="CodePacker"/>), with the enclosing names as the
/// heading path, for example "Grounded.Rag > LocalRag > OpenAsync". A chunk's text is the source exactly as written
/// (indentation kept), so its offsets point at it. Each block is parsed on its own: the source code reader gives a
/// whole file as one block, other readers give paragraphs.
/// </summary>
internal sealed class CodeChunker : IChunker, INamedChunker
{
    private readonly ICodeStructure _structure;
    private readonly TokenCounter _counter;
    private readonly int _maxTokens;

    public CodeChunker(ICodeStructure structure, ChunkingOptions options, TokenCounter? counter = null)
    {
        _structure = structure;
        _counter = counter ?? TokenCounter.Default;
        _maxTokens = options.ChunkTokens;
    }

    public string Name => "code";

    /// <summary>Returns the structure for a file's language by its extension: C# by Roslyn, Python by indentation, else braces.</summary>
    public static ICodeStructure StructureFor(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".cs" or ".csx" => new CSharpStructure(),
        ".py" or ".pyw" or ".pyi" => new PythonStructure(),
        _ => new BraceStructure(),
    };

    public async IAsyncEnumerable<Chunk> ChunkAsync(IAsyncEnumerable<TextBlock> blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var ordinal = 0;
        await foreach (var block in blocks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var packer = new CodePacker(block.Text, _counter, _maxTokens);
            var path = block.HeadingPath.Where(h => h.Length > 0).ToArray();
            foreach (var piece in packer.Pack(_structure.Parse(block.Text), path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = block.Text[piece.Start..piece.End];
                yield return new Chunk(ordinal++, text, block.Offset + piece.Start, block.Offset + piece.End, string.Join(" > ", piece.Path), _counter.Count(text));
            }
        }
    }
}
