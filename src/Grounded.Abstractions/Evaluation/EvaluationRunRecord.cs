namespace Grounded.Evaluation;

/// <summary>
/// One saved <c>grounded eval run</c>: the columns runs are listed by, and the whole report (the object <c>--json</c> prints) as
/// one JSON document.
/// </summary>
/// <param name="Id">The run's id (<c>eval_…</c>).</param>
/// <param name="At">When the run finished (UTC).</param>
/// <param name="Tenant">The tenant it was saved for; only that tenant sees it.</param>
/// <param name="Dataset">The data set it scored, as given.</param>
public sealed record EvaluationRunRecord(string Id, DateTimeOffset At, string Tenant, string Dataset)
{
    /// <summary>Gets the answer prompt (<c>id@version</c>) the run used; null when none (the extractive answerer).</summary>
    public string? Prompt { get; init; }

    /// <summary>Gets what wrote the answers: a model name, or <c>extractive</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Gets each headline metric's mean; null where it applied to no item.</summary>
    public IReadOnlyDictionary<string, double?> Metrics { get; init; } = new Dictionary<string, double?>();

    /// <summary>Gets <c>passed</c> or <c>failed</c> when the run was compared with a baseline; null when it was not.</summary>
    public string? Gate { get; init; }

    /// <summary>Gets the report as JSON, as <c>grounded eval run --json</c> printed it; null in lists (<see cref="IEvaluationRunStore.ListEvaluationRunsAsync"/>).</summary>
    public string? Report { get; init; }
}
