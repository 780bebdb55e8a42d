namespace Grounded.Hosting.Feedback;

/// <summary>How long feedback can be given on a response (<c>feedback:</c> in the config).</summary>
public sealed record FeedbackOptions
{
    /// <summary>Gets how long a response's receipt is kept for feedback (<c>feedback.window</c>); after it, feedback on the response is 404.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);
}
