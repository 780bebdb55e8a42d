using System.Numerics.Tensors;

namespace Grounded.Cli.Benchmarks;

/// <summary>
/// Seeded unit vectors in Gaussian clusters on the sphere: each point is a random cluster centre plus isotropic noise,
/// normalised. Clustered data is harder for HNSW than uniform noise and closer to real embeddings, where a query's
/// neighbours sit in a dense region.
/// </summary>
internal sealed class SyntheticVectors
{
    private const double NoisePerDimension = 0.06; // point-to-centre cosine ≈ 0.65 at 384 dimensions
    private readonly Random _random;
    private readonly float[] _centres;
    private readonly int _clusters;

    public SyntheticVectors(int dimensions, int clusters, int seed)
    {
        Dimensions = dimensions;
        _clusters = clusters;
        _random = new Random(seed);
        _centres = new float[clusters * dimensions];
        for (var c = 0; c < clusters; c++)
        {
            var centre = _centres.AsSpan(c * dimensions, dimensions);
            for (var i = 0; i < dimensions; i++)
            {
                centre[i] = Gaussian();
            }

            Normalize(centre);
        }
    }

    public int Dimensions { get; }

    /// <summary>Returns <paramref name="count"/> vectors, row-major.</summary>
    public float[] Next(int count)
    {
        var values = new float[(long)count * Dimensions];
        for (var row = 0; row < count; row++)
        {
            var vector = values.AsSpan(row * Dimensions, Dimensions);
            var centre = _centres.AsSpan(_random.Next(_clusters) * Dimensions, Dimensions);
            for (var i = 0; i < Dimensions; i++)
            {
                vector[i] = centre[i] + (float)(NoisePerDimension * Gaussian());
            }

            Normalize(vector);
        }

        return values;
    }

    private static void Normalize(Span<float> vector) => TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);

    private float Gaussian() =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble()));
}
