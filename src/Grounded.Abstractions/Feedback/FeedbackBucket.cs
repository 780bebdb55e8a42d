namespace Grounded.Feedback;

/// <summary>How many thumbs up and down a time bucket holds (one row of <see cref="IFeedbackStore.CountFeedbackAsync"/>).</summary>
/// <param name="Start">The bucket's first instant.</param>
/// <param name="Up">The ratings <c>up</c>.</param>
/// <param name="Down">The ratings <c>down</c>.</param>
public sealed record FeedbackBucket(DateTimeOffset Start, long Up, long Down);
