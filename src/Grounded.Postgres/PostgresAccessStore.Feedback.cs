using Grounded.Feedback;

namespace Grounded.Postgres;

/// <summary>Feedback (<c>feedback</c>): placeholder, implemented by the feedback work.</summary>
public sealed partial class PostgresAccessStore
{
    /// <inheritdoc />
    public Task SaveFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken) => throw new NotSupportedException("feedback: not yet");

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackRecord>> ReadFeedbackAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("feedback: not yet");
}
