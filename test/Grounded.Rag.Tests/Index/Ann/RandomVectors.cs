using System.Numerics.Tensors;

namespace Grounded.Rag.Tests.Index.Ann;

/// <summary>Seeded unit vectors in a few clusters, so near neighbours are close the way real embeddings are.</summary>
internal sealed class RandomVectors(int dimensions, int seed = 7)
{
    private readonly Random _random = new(seed);
    private readonly float[][] _centres = Enumerable.Range(0, 8).Select(_ => new float[dimensions]).ToArray();
    private bool _ready;

    public float[] Next()
    {
        if (!_ready)
        {
            foreach (var centre in _centres)
            {
                Fill(centre, null, 1);
            }

            _ready = true;
        }

        var vector = new float[dimensions];
        Fill(vector, _centres[_random.Next(_centres.Length)], 0.15f);
        return vector;
    }

    /// <summary>Returns <paramref name="windows"/> vectors laid end to end, as a chunk's embedding blob holds them.</summary>
    public float[] Windows(int windows) => Enumerable.Range(0, windows).SelectMany(_ => Next()).ToArray();

    private void Fill(float[] vector, float[]? centre, float noise)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            var u = 1 - _random.NextDouble();
            var gaussian = (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * _random.NextDouble()));
            vector[i] = (centre?[i] ?? 0) + (noise * gaussian);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }
}
