using Grounded.Server.Errors;

namespace Grounded.Server.Lifecycle;

/// <summary>
/// What a request needs to tell a client-gone cancellation from the drain deadline's (an HTTP feature set by
/// <see cref="DrainMiddleware"/>): the request's token fires for both, <see cref="Client"/> only when the client went away.
/// </summary>
/// <param name="Client">The token that fires when the client goes away.</param>
/// <param name="Deadline">The token that fires when the shutdown's drain deadline passes.</param>
internal sealed record ShutdownCut(CancellationToken Client, CancellationToken Deadline)
{
    /// <summary>The error code of a request ended by the drain deadline.</summary>
    public const string Code = "server_shutting_down";

    /// <summary>Gets whether the deadline ended the request while its client was still there (so it can be told).</summary>
    public bool Happened => Deadline.IsCancellationRequested && !Client.IsCancellationRequested;

    /// <summary>Returns the request's cut, or null outside <see cref="DrainMiddleware"/>.</summary>
    public static ShutdownCut? Of(HttpContext http) => http.Features.Get<ShutdownCut>();

    /// <summary>Returns the token of the client alone: what the end of an answer that is all in is written with, deadline or not.</summary>
    public static CancellationToken ClientToken(HttpContext http) => Of(http)?.Client ?? http.RequestAborted;

    /// <summary>Returns whether the drain deadline ended <paramref name="http"/>'s request while its client was still there.</summary>
    public static bool Ended(HttpContext http) => Of(http)?.Happened == true;

    /// <summary>Returns the failure a request ended by the deadline answers with (a status, or a stream's last event).</summary>
    public static ErrorDescription Error() =>
        new(503, "The server is shutting down and ended this request at its drain deadline (server.drainTimeout); send it again.", "server_error")
        {
            Code = Code, RetryAfter = TimeSpan.FromSeconds(1),
        };
}
