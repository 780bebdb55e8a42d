using Grounded.Chunks;

namespace Grounded.Evaluation.Synthetic;

/// <summary>
/// Drafts evaluation items from indexed chunks: chunks are visited round-robin over the documents (each document's
/// chunks, and the documents, in an order drawn from the seed), so the items spread across the corpus; each chunk gives
/// at most one item, from the model when one drafts, else from the templates; repeated questions, and a second
/// question with the same answer from the same document, are skipped. The same chunks and seed give the same items.
/// </summary>
public sealed class SyntheticGenerator
{
    private readonly Func<StoredChunk, CancellationToken, Task<DraftedQuestion?>>? _model;

    /// <summary>Creates the generator; <paramref name="model"/>, when given, drafts each chunk's item first (null: use the templates).</summary>
    public SyntheticGenerator(Func<StoredChunk, CancellationToken, Task<DraftedQuestion?>>? model = null) => _model = model;

    /// <summary>Returns up to <paramref name="count"/> items from <paramref name="documents"/> (each document's chunks); <paramref name="progress"/> hears the items written so far.</summary>
    public async Task<IReadOnlyList<SyntheticItem>> GenerateAsync(
        IReadOnlyList<IReadOnlyList<StoredChunk>> documents, int count, int seed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var random = new Random(seed);
        var items = new List<SyntheticItem>(count);
        var questions = new HashSet<string>(StringComparer.Ordinal);
        var answers = new HashSet<(string, string)>();
        // Round-robin over the documents: each turn gives a document's next chunk that drafts an item, until none is left.
        var queues = Shuffled(documents.Where(d => d.Count > 0).Select(d => new Queue<StoredChunk>(Shuffled(d, random))), random);
        while (queues.Count > 0 && items.Count < count)
        {
            foreach (var queue in queues)
            {
                while (items.Count < count && queue.TryDequeue(out var chunk))
                {
                    if (await DraftAsync(chunk, random, cancellationToken).ConfigureAwait(false) is { } item
                        && questions.Add(Normalize(item.Question)) && answers.Add((Normalize(item.Answers[0]), item.Sources[0])))
                    {
                        items.Add(item);
                        progress?.Report(items.Count);
                        break;
                    }
                }
            }

            queues.RemoveAll(q => q.Count == 0);
        }

        return items;
    }

    private async Task<SyntheticItem?> DraftAsync(StoredChunk chunk, Random random, CancellationToken cancellationToken)
    {
        var (draft, tag) = _model is not null && await _model(chunk, cancellationToken).ConfigureAwait(false) is { } drafted
            ? (drafted, SyntheticItem.ModelTag)
            : (Pick(QuestionTemplates.Draft(chunk.Chunk.Text), random), SyntheticItem.TemplateTag);
        return draft is null ? null : new SyntheticItem(draft.Question, [draft.Answer], [Path.GetFileName(chunk.Source)], ["synthetic", tag]);
    }

    // One of the drafts of the preferred kind (definitions, then numbers, then names).
    private static DraftedQuestion? Pick(IReadOnlyList<DraftedQuestion> drafts, Random random)
    {
        if (drafts.Count == 0)
        {
            return null;
        }

        var best = drafts.Where(d => d.Kind == drafts[0].Kind).ToList();
        return best[random.Next(best.Count)];
    }

    private static List<T> Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
