namespace Grounded.Gateway.Failures;

/// <summary>
/// A guard refused the request before any provider call: 400, OpenAI's <c>invalid_request_error</c> with the code
/// <c>guard_blocked</c> and the guard's name as <c>param</c>, and a message that names the guard and nothing of what it found.
/// </summary>
public sealed class GuardBlockedException : GatewayException
{
    /// <summary>Creates the failure for <paramref name="guard"/>; <paramref name="message"/> replaces the default one (it must quote nothing of the request).</summary>
    public GuardBlockedException(string guard, string? message = null)
        : base(message ?? $"the request was blocked by the {guard} guard")
    {
        Guard = guard;
        Code = "guard_blocked";
        Param = guard;
    }

    /// <summary>Gets the guard that refused (<c>pii</c>, <c>injection</c>, <c>toxicity</c>, <c>moderation</c>, <c>tools</c>).</summary>
    public string Guard { get; }

    /// <inheritdoc />
    public override int Status => 400;
}
