using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grounded.Gateway.Context;
using Microsoft.AspNetCore.Mvc;

namespace Grounded.Server.Errors;

/// <summary>
/// Writes a failure: in OpenAI's shape (<c>{"error": {"message", "type", "param", "code"}}</c>) on the OpenAI routes and on
/// unknown <c>/v1</c> routes, as <c>application/problem+json</c> on Grounded's own routes (those marked
/// <see cref="ProblemErrors"/>), with <c>Retry-After</c> when the failure says when to come back.
/// </summary>
internal static class ErrorWriter
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static async Task WriteAsync(HttpContext http, ErrorDescription error)
    {
        var response = http.Response;
        response.StatusCode = error.Status;
        if (error.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (UsesProblemDetails(http))
        {
            var problem = new ProblemDetails { Status = error.Status, Title = Title(error.Status), Detail = error.Message };
            Add(problem, "code", error.Code);
            Add(problem, "param", error.Param);
            Add(problem, "provider", error.Provider);
            Add(problem, "model", error.Model);
            Add(problem, "requestId", http.Features.Get<GatewayContext>()?.RequestId);
            await Results.Problem(problem).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        await response.WriteAsJsonAsync(Body(error), Json, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Returns OpenAI's error object for <paramref name="error"/>, also sent as the last event of a failed stream.</summary>
    public static object Body(ErrorDescription error) =>
        new { error = new OpenAiErrorBody(error.Message, error.Type, error.Param, error.Code, error.Provider, error.Model) };

    private static bool UsesProblemDetails(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<ProblemErrors>() is not null;

    private static void Add(ProblemDetails problem, string key, string? value)
    {
        if (value is not null)
        {
            problem.Extensions[key] = value;
        }
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Error",
    };

    private sealed record OpenAiErrorBody(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("param")] string? Param,
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("provider"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Provider,
        [property: JsonPropertyName("model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model);
}
