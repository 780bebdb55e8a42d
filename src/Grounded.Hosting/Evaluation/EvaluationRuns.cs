using System.Security.Cryptography;
using Grounded.Evaluation;
using Grounded.Evaluation.Answers;

namespace Grounded.Hosting.Evaluation;

/// <summary>Saves <c>grounded eval run</c>'s reports in the access store, where <c>GET /v1/evaluations</c> lists them.</summary>
public static class EvaluationRuns
{
    /// <summary>The gate of a run compared with a baseline that held.</summary>
    public const string Passed = "passed";

    /// <summary>The gate of a run compared with a baseline that it fell below.</summary>
    public const string Failed = "failed";

    /// <summary>The most runs one list returns.</summary>
    public const int MaxListed = 100;

    /// <summary>
    /// Saves <paramref name="report"/> (<paramref name="reportJson"/>: as <c>--json</c> printed it) for <paramref name="tenant"/>, with
    /// its headline metric means and its gate (null when <paramref name="baseline"/> is false: nothing was compared); returns the saved run.
    /// </summary>
    public static async Task<EvaluationRunRecord> SaveAsync(IEvaluationRunStore store, AnswerEvaluationReport report, string reportJson, string dataset, string tenant, bool baseline,
        CancellationToken cancellationToken, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(report);
        var run = new EvaluationRunRecord(NewId(), (time ?? TimeProvider.System).GetUtcNow(), tenant, dataset)
        {
            Prompt = report.Prompt,
            Model = report.Model,
            Metrics = report.Metrics,
            Gate = baseline ? (report.Gate.Passed ? Passed : Failed) : null,
            Report = reportJson,
        };
        await store.SaveEvaluationRunAsync(run, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private static string NewId() => "eval_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
