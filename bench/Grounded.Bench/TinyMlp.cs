using System.Numerics.Tensors;

namespace Grounded.Bench;

/// <summary>
/// A one-hidden-layer perceptron (tanh units, sigmoid output) with L2 weight decay, trained full-batch with Adam from a
/// seeded initialisation: deterministic. Inputs are standardised for training and the standardisation is folded into the
/// first layer, so the model applies to raw vectors.
/// </summary>
internal static class TinyMlp
{
    /// <summary>A trained network over raw vectors.</summary>
    public sealed record Model(float[][] Hidden, float[] HiddenBias, double[] Weights, double Bias) : IScorer
    {
        /// <inheritdoc />
        public double Probability(ReadOnlySpan<float> x)
        {
            var z = Bias;
            for (var k = 0; k < Hidden.Length; k++)
            {
                z += Weights[k] * Math.Tanh(TensorPrimitives.Dot(Hidden[k], x) + HiddenBias[k]);
            }

            return LogisticRegression.Sigmoid(z);
        }
    }

    /// <summary>Trains a network of <paramref name="units"/> hidden units minimising the weighted mean log loss plus λ/(2·Σs)·‖weights‖².</summary>
    public static Model Fit(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, IReadOnlyList<double> sampleWeights, double lambda, int units = 32, int epochs = 400, int seed = 17)
    {
        var n = x.Count;
        var d = x[0].Length;
        var total = (float)sampleWeights.Sum();
        var (mean, scale) = Standardisation(x, sampleWeights, total);
        var z = x.Select(v => v.Select((value, j) => (value - mean[j]) / scale[j]).ToArray()).ToArray();
        var random = new Random(seed);
        var w1 = Enumerable.Range(0, units).Select(_ => Enumerable.Range(0, d).Select(_ => Normal(random) / MathF.Sqrt(d)).ToArray()).ToArray();
        var b1 = new float[units];
        var w2 = Enumerable.Range(0, units).Select(_ => Normal(random) / MathF.Sqrt(units)).ToArray();
        var b2 = 0f;
        var adam = new Adam(units * (d + 2) + 1);
        var h = new float[n][];
        var gradient = new float[units * (d + 2) + 1];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < n; i++)
            {
                h[i] ??= new float[units];
                for (var k = 0; k < units; k++)
                {
                    h[i][k] = MathF.Tanh(TensorPrimitives.Dot(w1[k], z[i]) + b1[k]);
                }

                var p = (float)LogisticRegression.Sigmoid(TensorPrimitives.Dot(w2, h[i]) + b2);
                var error = (float)sampleWeights[i] / total * (p - (y[i] ? 1 : 0));
                for (var k = 0; k < units; k++)
                {
                    gradient[(units * d) + k] += error * h[i][k];
                    var back = error * w2[k] * (1 - (h[i][k] * h[i][k]));
                    TensorPrimitives.MultiplyAdd(z[i], back, gradient.AsSpan(k * d, d), gradient.AsSpan(k * d, d));
                    gradient[(units * (d + 1)) + k] += back;
                }

                gradient[^1] += error;
            }

            var decay = (float)(lambda / total);
            for (var k = 0; k < units; k++)
            {
                TensorPrimitives.MultiplyAdd(w1[k], decay, gradient.AsSpan(k * d, d), gradient.AsSpan(k * d, d));
                gradient[(units * d) + k] += decay * w2[k];
            }

            var step = adam.Step(gradient);
            for (var k = 0; k < units; k++)
            {
                TensorPrimitives.Subtract(w1[k], step.AsSpan(k * d, d), w1[k]);
                w2[k] -= step[(units * d) + k];
                b1[k] -= step[(units * (d + 1)) + k];
            }

            b2 -= step[^1];
        }

        // Fold the standardisation into the first layer: w·(x−μ)/σ + b = (w/σ)·x + (b − Σ w μ/σ).
        for (var k = 0; k < units; k++)
        {
            for (var j = 0; j < d; j++)
            {
                w1[k][j] /= scale[j];
                b1[k] -= w1[k][j] * mean[j];
            }
        }

        return new Model(w1, b1, w2.Select(v => (double)v).ToArray(), b2);
    }

    private static (float[] Mean, float[] Scale) Standardisation(IReadOnlyList<float[]> x, IReadOnlyList<double> s, float total)
    {
        var d = x[0].Length;
        var mean = new float[d];
        var scale = new float[d];
        for (var i = 0; i < x.Count; i++)
        {
            TensorPrimitives.MultiplyAdd(x[i], (float)s[i] / total, mean, mean);
        }

        for (var i = 0; i < x.Count; i++)
        {
            for (var j = 0; j < d; j++)
            {
                scale[j] += (float)s[i] / total * (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
            }
        }

        for (var j = 0; j < d; j++)
        {
            scale[j] = scale[j] > 1e-12f ? MathF.Sqrt(scale[j]) : 1;
        }

        return (mean, scale);
    }

    private static float Normal(Random random) =>
        MathF.Sqrt(-2 * MathF.Log(1 - random.NextSingle())) * MathF.Cos(2 * MathF.PI * random.NextSingle());

    private sealed class Adam(int size, float rate = 0.01f, float beta1 = 0.9f, float beta2 = 0.999f)
    {
        private readonly float[] _m = new float[size];
        private readonly float[] _v = new float[size];
        private readonly float[] _step = new float[size];
        private int _t;

        public float[] Step(float[] gradient)
        {
            _t++;
            var c1 = 1 - MathF.Pow(beta1, _t);
            var c2 = 1 - MathF.Pow(beta2, _t);
            for (var i = 0; i < gradient.Length; i++)
            {
                _m[i] = (beta1 * _m[i]) + ((1 - beta1) * gradient[i]);
                _v[i] = (beta2 * _v[i]) + ((1 - beta2) * gradient[i] * gradient[i]);
                _step[i] = rate * (_m[i] / c1) / (MathF.Sqrt(_v[i] / c2) + 1e-8f);
            }

            return _step;
        }
    }
}
