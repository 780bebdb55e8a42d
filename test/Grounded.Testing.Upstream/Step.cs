namespace Grounded.Testing.Upstream;

/// <summary>What the scripted upstream does for one request.</summary>
public abstract record Step
{
    /// <summary>Answers normally with <paramref name="Text"/> (default: echoes the last user message), after an optional delay.</summary>
    public sealed record Ok(string? Text = null, TimeSpan Delay = default) : Step;

    /// <summary>Answers with an HTTP error status, with a Retry-After header when given.</summary>
    public sealed record Fail(int Status, string? RetryAfter = null) : Step;

    /// <summary>Never answers (until the client gives up).</summary>
    public sealed record Hang : Step;

    /// <summary>Answers 200 with a body that is not JSON.</summary>
    public sealed record Malformed : Step;

    /// <summary>Streams <paramref name="Tokens"/> tokens, then drops the connection without finishing.</summary>
    public sealed record CutStream(int Tokens = 1) : Step;
}
