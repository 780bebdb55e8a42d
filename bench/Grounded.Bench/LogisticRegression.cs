using System.Numerics.Tensors;

namespace Grounded.Bench;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method, each Newton step solved by conjugate gradients on
/// Hessian-vector products (no d×d matrix). Features are standardised for the fit and the standardisation is folded back
/// into the weights, so the model applies to raw vectors. Deterministic: no randomness, fixed iteration order.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>A fitted model over raw feature vectors.</summary>
    public sealed record Model(double[] Weights, double Bias)
    {
        /// <summary>Returns the model's probability for <paramref name="x"/>.</summary>
        public double Probability(ReadOnlySpan<float> x)
        {
            var z = Bias;
            for (var j = 0; j < x.Length; j++)
            {
                z += Weights[j] * x[j];
            }

            return Sigmoid(z);
        }
    }

    /// <summary>Fits weights minimising Σ sᵢ·logloss(xᵢ, yᵢ) + λ/2·‖w‖² (the intercept is not penalised).</summary>
    public static Model Fit(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, IReadOnlyList<double> sampleWeights, double lambda)
    {
        var n = x.Count;
        var d = x[0].Length;
        var total = sampleWeights.Sum();
        var mean = new double[d];
        var scale = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += sampleWeights[i] * x[i][j] / total;
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                scale[j] += sampleWeights[i] * Math.Pow(x[i][j] - mean[j], 2) / total;
            }
        }

        for (var j = 0; j < d; j++)
        {
            scale[j] = Math.Sqrt(scale[j]) is var s && s > 1e-9 ? s : 1;
        }

        var z = new double[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = new double[d + 1];
            for (var j = 0; j < d; j++)
            {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }

            z[i][d] = 1; // the intercept's column
        }

        var w = Newton(z, y, sampleWeights, lambda);
        var weights = new double[d];
        var bias = w[d];
        for (var j = 0; j < d; j++)
        {
            weights[j] = w[j] / scale[j];
            bias -= w[j] * mean[j] / scale[j];
        }

        return new Model(weights, bias);
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double[] Newton(double[][] z, IReadOnlyList<bool> y, IReadOnlyList<double> s, double lambda)
    {
        var n = z.Length;
        var d = z[0].Length;
        var w = new double[d];
        var p = new double[n];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                p[i] = Sigmoid(TensorPrimitives.Dot<double>(z[i], w));
            }

            var gradient = new double[d];
            for (var i = 0; i < n; i++)
            {
                TensorPrimitives.MultiplyAdd(z[i], s[i] * (p[i] - (y[i] ? 1 : 0)), gradient, gradient);
            }

            for (var j = 0; j < d - 1; j++)
            {
                gradient[j] += lambda * w[j];
            }

            if (TensorPrimitives.Norm<double>(gradient) < 1e-7 * n)
            {
                break;
            }

            var curvature = new double[n];
            for (var i = 0; i < n; i++)
            {
                curvature[i] = s[i] * p[i] * (1 - p[i]);
            }

            var step = ConjugateGradient(v =>
            {
                var hv = new double[d];
                for (var i = 0; i < n; i++)
                {
                    TensorPrimitives.MultiplyAdd(z[i], curvature[i] * TensorPrimitives.Dot<double>(z[i], v), hv, hv);
                }

                for (var j = 0; j < d; j++)
                {
                    hv[j] += (j < d - 1 ? lambda : 1e-6) * v[j];
                }

                return hv;
            }, gradient);
            w = LineSearch(z, y, s, lambda, w, step);
        }

        return w;
    }

    // Halves the Newton step until the objective falls (it nearly always takes the full step).
    private static double[] LineSearch(double[][] z, IReadOnlyList<bool> y, IReadOnlyList<double> s, double lambda, double[] w, double[] step)
    {
        var current = Objective(z, y, s, lambda, w);
        var size = 1.0;
        for (var k = 0; k < 20; k++, size /= 2)
        {
            var candidate = new double[w.Length];
            TensorPrimitives.MultiplyAdd(step, -size, w, candidate);
            if (Objective(z, y, s, lambda, candidate) <= current)
            {
                return candidate;
            }
        }

        return w;
    }

    private static double Objective(double[][] z, IReadOnlyList<bool> y, IReadOnlyList<double> s, double lambda, double[] w)
    {
        var loss = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            var m = TensorPrimitives.Dot<double>(z[i], w);
            // log(1 + e^m) - y·m, written to stay finite for large |m|.
            loss += s[i] * ((m > 0 ? m + Math.Log(1 + Math.Exp(-m)) : Math.Log(1 + Math.Exp(m))) - (y[i] ? m : 0));
        }

        for (var j = 0; j < w.Length - 1; j++)
        {
            loss += lambda / 2 * w[j] * w[j];
        }

        return loss;
    }

    private static double[] ConjugateGradient(Func<double[], double[]> multiply, double[] b)
    {
        var x = new double[b.Length];
        var r = (double[])b.Clone();
        var p = (double[])r.Clone();
        var rr = TensorPrimitives.Dot<double>(r, r);
        var stop = 1e-10 * rr;
        for (var k = 0; k < 200 && rr > stop; k++)
        {
            var ap = multiply(p);
            var alpha = rr / TensorPrimitives.Dot<double>(p, ap);
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
            var next = TensorPrimitives.Dot<double>(r, r);
            TensorPrimitives.MultiplyAdd(p, next / rr, r, p);
            rr = next;
        }

        return x;
    }
}
