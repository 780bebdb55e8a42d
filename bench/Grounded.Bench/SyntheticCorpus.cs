using System.Numerics.Tensors;
using System.Text;
using Grounded.Chunks;
using Grounded.Rag.Retrieve;
using Grounded.Storage;

namespace Grounded.Bench;

/// <summary>
/// Seeded synthetic chunks for latency work, made without the embedding model. Text: words drawn from a Zipf (s = 1)
/// distribution over a vocabulary of made-up lower-case words. Vectors: 384-d unit vectors in Gaussian clusters on the
/// sphere, built as <c>grounded bench ann</c> builds them (a random centre plus noise 0.06 per dimension, normalised;
/// cosine to the centre ≈ 0.65), one window per chunk and a second window for about one chunk in five, near the same
/// centre (a chunk longer than the model's window is embedded in overlapping windows).
/// </summary>
internal sealed class SyntheticCorpus
{
    public const int Dimensions = 384;
    private const double Noise = 0.06;
    private const double TwoWindowShare = 0.2;
    private readonly string[] _words;
    private readonly double[] _cumulative;
    private readonly float[] _centres;
    private readonly int _clusters;

    public SyntheticCorpus(int vocabulary, int clusters, int seed)
    {
        var random = new Random(seed);
        var unique = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        while (unique.Count < vocabulary)
        {
            word.Clear();
            for (var i = random.Next(3, 11); i > 0; i--)
            {
                word.Append((char)('a' + random.Next(26)));
            }

            var text = word.ToString();
            if (KeywordQuery.Terms(text).Count == 1)
            {
                unique.Add(text); // stop words ("the", "and") would be dropped from queries: leave them out
            }
        }

        _words = [.. unique];
        _cumulative = new double[vocabulary];
        var sum = 0.0;
        for (var rank = 0; rank < vocabulary; rank++)
        {
            sum += 1.0 / (rank + 1);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < vocabulary; rank++)
        {
            _cumulative[rank] /= sum;
        }

        _clusters = clusters;
        _centres = new float[clusters * Dimensions];
        for (var c = 0; c < clusters; c++)
        {
            var centre = _centres.AsSpan(c * Dimensions, Dimensions);
            for (var i = 0; i < Dimensions; i++)
            {
                centre[i] = Gaussian(random);
            }

            TensorPrimitives.Divide(centre, TensorPrimitives.Norm(centre), centre);
        }
    }

    /// <summary>Returns a chunk of <paramref name="words"/> Zipf-drawn words and its one or two window vectors.</summary>
    public EmbeddedChunk Chunk(Random random, int ordinal, int words)
    {
        var text = new StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(_words[Rank(random, 0)]);
        }

        var cluster = random.Next(_clusters);
        var windows = random.NextDouble() < TwoWindowShare ? 2 : 1;
        var vector = new float[windows * Dimensions];
        for (var w = 0; w < windows; w++)
        {
            Near(random, cluster, vector.AsSpan(w * Dimensions, Dimensions));
        }

        var chunk = new Chunk(ordinal, text.ToString(), ordinal * 2_000L, (ordinal + 1) * 2_000L, "Synthetic", words * 4 / 3) { Context = "Synthetic" };
        return new EmbeddedChunk(chunk, vector);
    }

    /// <summary>
    /// Returns a query of 3–8 Zipf-drawn words, skipping the <paramref name="skipRanks"/> most frequent ones (the part
    /// stop words play in English, which the keyword leg drops), and a vector near a random cluster centre.
    /// </summary>
    public (string Text, float[] Vector) Query(Random random, int skipRanks)
    {
        var words = Enumerable.Range(0, random.Next(3, 9)).Select(_ => _words[Rank(random, skipRanks)]);
        var vector = new float[Dimensions];
        Near(random, random.Next(_clusters), vector);
        return (string.Join(' ', words), vector);
    }

    private int Rank(Random random, int skip)
    {
        var floor = skip == 0 ? 0 : _cumulative[skip - 1];
        var index = Array.BinarySearch(_cumulative, floor + (random.NextDouble() * (1 - floor)));
        return Math.Min(_words.Length - 1, index < 0 ? ~index : index);
    }

    private void Near(Random random, int cluster, Span<float> vector)
    {
        var centre = _centres.AsSpan(cluster * Dimensions, Dimensions);
        for (var i = 0; i < Dimensions; i++)
        {
            vector[i] = centre[i] + (float)(Noise * Gaussian(random));
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
