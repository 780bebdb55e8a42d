namespace Grounded.Bench;

/// <summary>A small logistic regression fitted by gradient descent (class-balanced), for the grounding check's few features.</summary>
internal static class LogisticFit
{
    /// <summary>Returns the intercept and one weight per feature.</summary>
    public static double[] Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, int iterations = 20000, double rate = 0.5, double l2 = 1e-4)
    {
        var dims = features[0].Length;
        var w = new double[dims + 1];
        var positives = labels.Count(l => l);
        var weightPositive = labels.Count / (2.0 * Math.Max(1, positives));
        var weightNegative = labels.Count / (2.0 * Math.Max(1, labels.Count - positives));
        for (var it = 0; it < iterations; it++)
        {
            var gradient = new double[dims + 1];
            for (var i = 0; i < features.Count; i++)
            {
                var z = w[0];
                for (var d = 0; d < dims; d++)
                {
                    z += w[d + 1] * features[i][d];
                }

                var error = ((1 / (1 + Math.Exp(-z))) - (labels[i] ? 1 : 0)) * (labels[i] ? weightPositive : weightNegative);
                gradient[0] += error;
                for (var d = 0; d < dims; d++)
                {
                    gradient[d + 1] += error * features[i][d];
                }
            }

            for (var d = 0; d <= dims; d++)
            {
                w[d] -= rate * ((gradient[d] / features.Count) + (d == 0 ? 0 : l2 * w[d]));
            }
        }

        return w;
    }
}
