using System.Runtime.CompilerServices;
using Grounded.Documents;
using Grounded.Guards.Pii;
using Grounded.Rag.Guard;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Screens a document's blocks for personal data as they are read, before the chunker sees them: each block's
/// entities are counted by type, and with redaction the block's text and heading path hold typed placeholders instead.
/// Screening blocks rather than chunks counts an entity once (chunks overlap) and finds one a chunk boundary would cut.
/// </summary>
internal static class PiiBlocks
{
    public static async IAsyncEnumerable<TextBlock> ScreenAsync(
        IAsyncEnumerable<TextBlock> blocks, IPiiDetector detector, PiiIngestMode mode, Dictionary<string, int> counts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var block in blocks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var (text, found) = PiiRedactor.Redact(detector, block.Text);
            foreach (var entity in found)
            {
                counts[entity.Type] = counts.GetValueOrDefault(entity.Type) + 1;
            }

            if (mode == PiiIngestMode.Flag)
            {
                yield return block;
                continue;
            }

            // A heading is counted where it is a block of its own; in the paths of the blocks under it, it is only redacted.
            var path = block.HeadingPath.Select(h => headings.TryGetValue(h, out var done) ? done : headings[h] = PiiRedactor.Redact(detector, h).Text).ToList();
            yield return block with { Text = text, HeadingPath = path };
        }
    }
}
