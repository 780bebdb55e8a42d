using Microsoft.Extensions.AI;

namespace Grounded.Rag.Embed;

/// <summary>
/// Remembers the embeddings of the most recently embedded texts (least recently used go first), so the stages of one
/// query — dense retrieval, reranking, answering — embed the question and each sentence once between them.
/// </summary>
public sealed class RecentEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, int capacity = 4096)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, Embedding<float> Embedding)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, Embedding<float> Embedding)> _order = new();
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var results = new Embedding<float>?[texts.Count];
        var missing = new List<int>();
        lock (_gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (_entries.TryGetValue(texts[i], out var node))
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                    results[i] = node.Value.Embedding;
                }
                else
                {
                    missing.Add(i);
                }
            }
        }

        if (missing.Count > 0)
        {
            var distinct = missing.Select(i => texts[i]).Distinct(StringComparer.Ordinal).ToList();
            var fresh = await base.GenerateAsync(distinct, options, cancellationToken).ConfigureAwait(false);
            var byText = new Dictionary<string, Embedding<float>>(StringComparer.Ordinal);
            for (var j = 0; j < distinct.Count; j++)
            {
                byText[distinct[j]] = fresh[j];
            }

            lock (_gate)
            {
                foreach (var (text, embedding) in byText)
                {
                    Remember(text, embedding);
                }
            }

            foreach (var i in missing)
            {
                results[i] = byText[texts[i]];
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(results.Select(r => r!));
    }

    private void Remember(string text, Embedding<float> embedding)
    {
        if (_entries.ContainsKey(text))
        {
            return;
        }

        _entries[text] = _order.AddFirst((text, embedding));
        while (_entries.Count > capacity && _order.Last is { } oldest)
        {
            _order.RemoveLast();
            _entries.Remove(oldest.Value.Text);
        }
    }
}
