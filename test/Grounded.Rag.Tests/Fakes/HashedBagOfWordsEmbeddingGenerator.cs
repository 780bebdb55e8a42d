using Grounded.Rag.Embed;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Tests.Fakes;

/// <summary>
/// A fast, deterministic stand-in for the ONNX model: each word is hashed into one of <see cref="EmbeddingModelProfile.Dimensions"/>
/// buckets and the counts are L2-normalised, so texts that share words are similar and identical texts embed identically.
/// </summary>
internal sealed class HashedBagOfWordsEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _calls;
    private int _texts;

    public HashedBagOfWordsEmbeddingGenerator(EmbeddingModelProfile? profile = null) =>
        Profile = profile ?? new EmbeddingModelProfile("fake-bag-of-words", 64, "query: ", 512);

    public EmbeddingModelProfile Profile { get; }

    /// <summary>Gets how many times <see cref="GenerateAsync"/> was called.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Gets how many texts were embedded over all calls.</summary>
    public int TextsEmbedded => Volatile.Read(ref _texts);

    /// <summary>Gets or sets a callback run before each call embeds anything (to cancel or fail mid-document).</summary>
    public Action<IReadOnlyList<string>, CancellationToken>? OnGenerate { get; set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _texts, texts.Count);
        OnGenerate?.Invoke(texts, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Embed(t, Profile.Dimensions))));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingModelProfile) ? Profile
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                vector[Bucket(text.AsSpan(start, i - start), dimensions)] += 1;
                start = -1;
            }
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }

    private static int Bucket(ReadOnlySpan<char> word, int dimensions)
    {
        // FNV-1a over the lowercased word: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
        }

        return (int)(hash % (uint)dimensions);
    }
}
