using System.Text.Json;
using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// The regression gate: a run fails when a metric both it and the baseline report (non-null) falls below
/// baseline − tolerance, and when a metric the baseline reports is missing or null in the run (a gate that silently
/// skips what it cannot compare passes a run that lost its judge or its model). A baseline is a previous run's JSON, or any file with a <c>{"metrics": {...}}</c> object.
/// </summary>
public static class BaselineGate
{
    /// <summary>The tolerance unless told otherwise.</summary>
    public const double DefaultTolerance = 0.02;

    /// <summary>Returns the metrics of a baseline file; throws <see cref="DatasetException"/> naming the file and the problem.</summary>
    public static IReadOnlyDictionary<string, double?> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"no such baseline file: {path}");
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetException($"{path}: a baseline needs a \"metrics\" object (a previous run's --json output, or {{\"metrics\": {{\"token_f1\": 0.41}}}})");
            }

            var values = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var metric in metrics.EnumerateObject())
            {
                values[metric.Name] = metric.Value.ValueKind switch
                {
                    JsonValueKind.Number => metric.Value.GetDouble(),
                    JsonValueKind.Null => null,
                    _ => throw new DatasetException($"{path}: metric \"{metric.Name}\" must be a number or null"),
                };
            }

            return values;
        }
        catch (JsonException error)
        {
            throw new DatasetException($"{path}: not valid JSON ({error.Message.Split('.')[0]})", error);
        }
    }

    /// <summary>Returns the gate's result for <paramref name="run"/> against <paramref name="baseline"/>, with the baseline and tolerance it was checked against.</summary>
    public static GateResult Check(IReadOnlyDictionary<string, double?> baseline, IReadOnlyDictionary<string, double?> run, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var failures = new List<GateFailure>();
        foreach (var (metric, value) in run)
        {
            // A tiny epsilon: a value equal to baseline - tolerance in decimal passes despite binary rounding.
            if (value is { } v && baseline.TryGetValue(metric, out var b) && b is { } expected && v < expected - tolerance - 1e-9)
            {
                failures.Add(new GateFailure(metric, expected, v, tolerance));
            }
        }

        foreach (var (metric, b) in baseline.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (b is { } expected && (!run.TryGetValue(metric, out var v) || v is null))
            {
                failures.Add(new GateFailure(metric, expected, null, tolerance));
            }
        }

        return new GateResult(failures.Count == 0, failures) { Baseline = baseline, Tolerance = tolerance };
    }
}
