using Grounded.Access;

namespace Grounded.Hosting.Access;

/// <summary>The outcome of checking a request's key: the caller's identity, or why it was refused (a message safe to show).</summary>
public readonly record struct Authentication(CallerIdentity? Identity, string? Problem)
{
    /// <summary>Returns an accepted caller.</summary>
    public static Authentication Accepted(CallerIdentity identity) => new(identity, null);

    /// <summary>Returns a refusal with the message the caller sees.</summary>
    public static Authentication Refused(string problem) => new(null, problem);
}
