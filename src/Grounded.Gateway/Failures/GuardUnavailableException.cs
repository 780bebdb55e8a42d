namespace Grounded.Gateway.Failures;

/// <summary>
/// A guard that fails closed could not check the request (its moderation model is unavailable): 503, code
/// <c>guard_unavailable</c>; the provider was not called. Trying again later may succeed.
/// </summary>
public sealed class GuardUnavailableException : GatewayException
{
    /// <summary>Creates the failure for <paramref name="guard"/>.</summary>
    public GuardUnavailableException(string guard, Exception? innerException = null)
        : base($"the {guard} guard could not check the request and is configured to fail closed; try again later", innerException)
    {
        Code = "guard_unavailable";
        Param = guard;
    }

    /// <inheritdoc />
    public override int Status => 503;

    /// <inheritdoc />
    public override string Type => "server_error";
}
