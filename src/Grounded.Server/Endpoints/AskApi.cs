using System.Text.Json;
using Grounded.Answers;
using Grounded.Hosting;
using Grounded.Hosting.Ask;
using Grounded.Server.Errors;
using Grounded.Server.Lifecycle;
using Grounded.Server.OpenAi;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>POST /v1/ask</c>: the body is an <see cref="AskRequest"/>, answered by the same stack call as <c>grounded ask</c>
/// (so the same options and the same object); with <c>stream: true</c> the same pipeline's updates as server-sent events.
/// </summary>
internal static class AskApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAsk(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/ask", AskAsync).WithTags("Grounded").WithSummary("Answer a question from the store with [n] citations, or abstain")
            .WithMetadata(ProblemErrors.Instance).Produces<GroundedAnswer>().ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    // The same keys as grounded ask --json, the question null: a response never repeats the caller's text (proxies and logs
    // keep responses, and the text may be another tenant's words the caller tried).
    private static System.Text.Json.Nodes.JsonObject Keyed(GroundedAnswer answer) => AnswerJson.WithQuestion(answer, null, Web);

    private static async Task AskAsync(HttpContext http, GroundedStack stack, AnswerTelemetry telemetry, SampledAnswerJudge judge)
    {
        var ct = http.RequestAborted;
        var context = http.Context("ask");
        var request = await RequestBody.ReadAsync<AskRequest>(http.Request, stack.Options.Gateway.MaxRequestBodyBytes, ct, Web, rejectUnknown: true);
        http.KeepPrompt(stack.Options.Gateway, () => request.Question ?? string.Empty);

        if (!request.Stream)
        {
            var whole = await stack.AskAsync(request, context, ct);
            telemetry.Answered(whole, context);
            judge.Offer(whole);
            await Results.Json(Keyed(whole), Web).ExecuteAsync(http);
            return;
        }

        await using var updates = stack.AskStreamingAsync(request, context, ct).GetAsyncEnumerator(ct);
        var any = await updates.MoveNextAsync(); // a bad request or an unavailable model is still a plain status here
        SseWriter.Start(http.Response);
        try
        {
            while (any)
            {
                var update = updates.Current;
                if (update.Answer is { } final)
                {
                    telemetry.Answered(final, context);
                    judge.Offer(final);
                }

                await (update.Answer is { } answer
                    ? SseWriter.WriteAsync(http.Response, new { type = "answer", answer = Keyed(answer) }, ct, web: true)
                    : SseWriter.WriteAsync(http.Response, new { type = "delta", text = update.Delta }, ct, web: true));
                any = await updates.MoveNextAsync();
            }
        }
        catch (Exception) when (ShutdownCut.Ended(http))
        {
            http.Features.Set(new RequestError("shutting_down"));
            await SseWriter.WriteAsync(http.Response, new { type = "error", code = ShutdownCut.Code, message = ShutdownCut.Error().Message }, ShutdownCut.ClientToken(http), web: true);
            return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            http.Features.Set(new RequestError(ErrorKinds.Of(e, 500))); // the status is out already: the metric still counts it
            await SseWriter.WriteAsync(http.Response, new { type = "error", message = Failures.Describe(e, context.RequestId).Message }, ct, web: true);
            return;
        }

        await SseWriter.DoneAsync(http.Response, ShutdownCut.ClientToken(http)); // the answer is all in: its end is written, deadline or not
    }
}
