using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Support;

/// <summary>Embeds a text as its words hashed into 256 dimensions: texts that share words are similar, others are not.</summary>
internal sealed class BagOfWordsEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static float[] Vector(string text)
    {
        var vector = new float[256];
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)string.GetHashCode(word, StringComparison.Ordinal) % 256)] += 1;
        }

        return vector;
    }
}
