namespace Grounded.Gateway.Cache;

/// <summary>Where the semantic cache keeps its entries: embeddings of request texts, partitioned by scope (tenant, model, prompt, context).</summary>
public interface ISemanticIndex
{
    /// <summary>Returns the <paramref name="count"/> entries of <paramref name="scope"/> nearest to <paramref name="vector"/> (unit length), nearest first.</summary>
    ValueTask<IReadOnlyList<SemanticEntry>> NearestAsync(string scope, ReadOnlyMemory<float> vector, int count, CancellationToken cancellationToken);

    /// <summary>Adds an entry to <paramref name="scope"/>, kept for <paramref name="ttl"/>.</summary>
    ValueTask AddAsync(string scope, ReadOnlyMemory<float> vector, CachedAnswer answer, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gets how many entries are kept, all scopes together.</summary>
    long Count { get; }
}
