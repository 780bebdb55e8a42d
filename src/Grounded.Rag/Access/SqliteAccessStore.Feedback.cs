using Grounded.Feedback;

namespace Grounded.Rag.Access;

/// <summary>Feedback (<c>feedback</c>): placeholder, implemented by the feedback work.</summary>
public sealed partial class SqliteAccessStore
{
    /// <inheritdoc />
    public Task SaveFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken) => throw new NotSupportedException("feedback: not yet");

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackRecord>> ReadFeedbackAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("feedback: not yet");
}
