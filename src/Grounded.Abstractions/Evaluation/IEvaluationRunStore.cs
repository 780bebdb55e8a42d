namespace Grounded.Evaluation;

/// <summary>Saved evaluation runs, kept beside the keys (SQLite <c>evaluation_runs</c> in access.db, or PostgreSQL).</summary>
public interface IEvaluationRunStore
{
    /// <summary>Saves <paramref name="run"/> with its report; an id already saved is refused with <see cref="ArgumentException"/>.</summary>
    Task SaveEvaluationRunAsync(EvaluationRunRecord run, CancellationToken cancellationToken);

    /// <summary>Returns the run with id <paramref name="id"/>, report included, or null.</summary>
    Task<EvaluationRunRecord?> GetEvaluationRunAsync(string id, CancellationToken cancellationToken);

    /// <summary>Returns the runs of <paramref name="tenant"/> (all tenants when null), newest first, at most <paramref name="limit"/>, without their reports.</summary>
    Task<IReadOnlyList<EvaluationRunRecord>> ListEvaluationRunsAsync(string? tenant, int limit, CancellationToken cancellationToken);
}
