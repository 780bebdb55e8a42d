namespace Grounded.Feedback;

/// <summary>The ratings feedback can carry.</summary>
public static class FeedbackRatings
{
    /// <summary>The response was good.</summary>
    public const string Up = "up";

    /// <summary>The response was bad.</summary>
    public const string Down = "down";

    /// <summary>Returns whether <paramref name="rating"/> is <c>up</c> or <c>down</c>.</summary>
    public static bool IsKnown(string? rating) => rating is Up or Down;
}
