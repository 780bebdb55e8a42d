using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Grounded.Testing.Upstream;

/// <summary>
/// HTTP routes that drive the upstream from another process (the Node conformance suite): <c>POST /_script</c> queues steps,
/// <c>POST /_default</c> sets the step used once the script is empty, <c>GET /_requests</c> returns the request bodies received
/// (a JSON array, oldest first), <c>POST /_reset</c> empties the script and the bodies and restores the default.
/// </summary>
internal static class ControlRoutes
{
    public static void Map(WebApplication app, ScriptableUpstream upstream)
    {
        app.MapPost("/_script", (JsonElement steps) => Parsed(steps, s =>
        {
            upstream.Then([.. s]);
            return Results.Json(new { queued = s.Count });
        }));
        app.MapPost("/_default", (JsonElement step) => Parsed(step, s =>
        {
            upstream.Default = s.Count == 1 ? s[0] : throw new FormatException("POST /_default takes one step");
            return Results.Json(new { @default = s[0].GetType().Name });
        }));
        app.MapGet("/_requests", () => Results.Text($"[{string.Join(",", upstream.Bodies)}]", "application/json"));
        app.MapPost("/_reset", () =>
        {
            upstream.Reset();
            return Results.NoContent();
        });
    }

    private static IResult Parsed(JsonElement json, Func<IReadOnlyList<Step>, IResult> then)
    {
        try
        {
            return then(StepJson.ParseMany(json));
        }
        catch (FormatException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
