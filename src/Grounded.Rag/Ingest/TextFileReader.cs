using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Base of the readers of text formats: owns detecting the file's encoding (<see cref="TextFileGuard"/>), opening it
/// and turning a decoding failure into a reason a user can act on; a subclass reads blocks from the decoded text.
/// The pipeline detects first and reads in the detected encoding, so it can report the encoding without a second guess.
/// </summary>
internal abstract class TextFileReader : IDocumentReader
{
    public abstract IReadOnlyCollection<string> Extensions { get; }

    public async IAsyncEnumerable<TextBlock> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var encoding = await DetectEncodingAsync(path, cancellationToken).ConfigureAwait(false);
        await foreach (var block in ReadAsync(path, encoding, cancellationToken).ConfigureAwait(false))
        {
            yield return block;
        }
    }

    /// <summary>Detects the encoding the file is read in; throws <see cref="DocumentReadException"/> for binary content.</summary>
    public virtual Task<TextEncoding> DetectEncodingAsync(string path, CancellationToken cancellationToken) =>
        TextFileGuard.DetectAsync(path, declared: null, cancellationToken);

    /// <summary>Reads the blocks of a file in <paramref name="encoding"/>.</summary>
    public async IAsyncEnumerable<TextBlock> ReadAsync(string path, TextEncoding encoding, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = TextFileGuard.Open(path, encoding);
        var blocks = ReadBlocksAsync(reader, path, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (blocks.ConfigureAwait(false))
        {
            while (true)
            {
                // A yield cannot sit inside a try with a catch, so only the step that decodes is guarded.
                try
                {
                    if (!await blocks.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (DecoderFallbackException error)
                {
                    throw TextFileGuard.InvalidEncoding(encoding, error);
                }

                yield return blocks.Current;
            }
        }
    }

    /// <summary>Reads blocks from the decoded text of the file at <paramref name="path"/>.</summary>
    protected abstract IAsyncEnumerable<TextBlock> ReadBlocksAsync(TextReader reader, string path, CancellationToken cancellationToken);
}
