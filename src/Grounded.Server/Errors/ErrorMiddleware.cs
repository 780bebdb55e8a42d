using Grounded.Gateway.Context;

namespace Grounded.Server.Errors;

/// <summary>
/// Turns every failure that reaches the top of a request, before the response has started, into its status and shape
/// (<see cref="Failures"/>, <see cref="ErrorWriter"/>), so that endpoints only throw. Unknown <c>/v1</c> routes and wrong
/// methods get an error body too. A failure after a stream has started is the stream's to report.
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !(e is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            var requestId = http.Features.Get<GatewayContext>()?.RequestId ?? http.TraceIdentifier;
            if (!Failures.IsExpected(e))
            {
                log.LogError(e, "request {RequestId} {Method} {Path} failed", requestId, http.Request.Method, http.Request.Path);
            }

            http.Response.Clear();
            var description = Failures.Describe(e, requestId);
            http.Features.Set(new RequestError(ErrorKinds.Of(e, description.Status)));
            await ErrorWriter.WriteAsync(http, description);
            return;
        }

        if (!http.Response.HasStarted && http.Response.StatusCode is 404 or 405 && http.Response.ContentType is null && http.Request.Path.StartsWithSegments("/v1"))
        {
            var (method, path) = (http.Request.Method, http.Request.Path);
            await ErrorWriter.WriteAsync(http, http.Response.StatusCode == 404
                ? new ErrorDescription(404, $"Unknown request URL: {method} {path}. See GET /openapi/v1.json for the routes this server has.", "invalid_request_error") { Code = "unknown_url" }
                : new ErrorDescription(405, $"{method} is not allowed on {path}.", "invalid_request_error") { Code = "method_not_allowed" });
        }
    }
}
