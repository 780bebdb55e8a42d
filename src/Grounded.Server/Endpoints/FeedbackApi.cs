using System.Text.Json;
using Grounded.Feedback;
using Grounded.Hosting;
using Grounded.Server.Errors;
using Grounded.Server.OpenAi;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>POST /v1/feedback</c>: a rating, up or down, of an answer (<c>ans_…</c>) or completion (<c>chatcmpl-…</c>, <c>resp_…</c>)
/// the caller's tenant received within the feedback window; saved with the response's prompt, model, question and answer.
/// </summary>
internal static class FeedbackApi
{
    /// <summary>The longest comment accepted.</summary>
    public const int MaxCommentLength = 2000;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The body of <c>POST /v1/feedback</c>.</summary>
    internal sealed record FeedbackRequest(string? Id, string? Rating, string? Comment);

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/feedback", GiveAsync).WithTags("Grounded").WithSummary("Rate an answer or completion up or down by its id (204)")
            .WithMetadata(ProblemErrors.Instance).Produces(204).ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> GiveAsync(HttpContext http, GroundedStack stack, AnswerTelemetry telemetry)
    {
        var ct = http.RequestAborted;
        http.Context("feedback");
        var body = await RequestBody.ReadAsync<FeedbackRequest>(http.Request, stack.Options.Gateway.MaxRequestBodyBytes, ct, Web, rejectUnknown: true);
        if (string.IsNullOrWhiteSpace(body.Id))
        {
            return Problem(400, "id: name the answer or completion to rate (its \"id\": ans_…, chatcmpl-…, resp_…)");
        }

        if (!FeedbackRatings.IsKnown(body.Rating))
        {
            return Problem(400, $"rating: must be \"up\" or \"down\" (got {(body.Rating is null ? "none" : $"\"{body.Rating}\"")})");
        }

        if (body.Comment is { Length: > MaxCommentLength } comment)
        {
            return Problem(400, $"comment: at most {MaxCommentLength} characters (got {comment.Length})");
        }

        if (await stack.SaveFeedbackAsync(body.Id, body.Rating!, body.Comment, http.Caller(), ct) is not { } record)
        {
            return Problem(404, $"no response '{body.Id}' to rate: ids are accepted for {Window(stack.Options.Feedback.Window)} after the response, from the tenant that received it");
        }

        telemetry.Feedback(record);
        return Results.NoContent();
    }

    private static string Window(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours % 1 == 0 ? $"{window.TotalHours:0} h" : $"{window.TotalMinutes:0.#} min";

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
