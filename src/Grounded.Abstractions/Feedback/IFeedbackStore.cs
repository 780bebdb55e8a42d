namespace Grounded.Feedback;

/// <summary>Feedback on answers and completions, kept beside the keys (SQLite <c>feedback</c> in access.db, or PostgreSQL).</summary>
public interface IFeedbackStore
{
    /// <summary>Saves <paramref name="feedback"/>; a later rating of the same response by the same tenant replaces the earlier one.</summary>
    Task SaveFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken);

    /// <summary>Returns the feedback from <paramref name="since"/> (inclusive) to <paramref name="until"/> (exclusive), oldest first, of one tenant when <paramref name="tenant"/> is given, at most <paramref name="limit"/> rows.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ReadFeedbackAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the ratings from <paramref name="since"/> to <paramref name="until"/> in buckets of <paramref name="bucket"/> (whole
    /// seconds) from <paramref name="since"/>, of one tenant when <paramref name="tenant"/> is given: the buckets holding any, in order.
    /// Counted by the store, not read: the dashboard and the alert rules never load the rows' texts.
    /// </summary>
    Task<IReadOnlyList<FeedbackBucket>> CountFeedbackAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant, CancellationToken cancellationToken);
}
