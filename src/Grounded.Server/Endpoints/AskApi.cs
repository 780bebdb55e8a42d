using System.Text.Json;
using Grounded.Answers;
using Grounded.Gateway;
using Grounded.Gateway.Route;
using Grounded.Rag;
using Grounded.Rag.Answer;
using Grounded.Server.OpenAi;
using Grounded.Stages;

namespace Grounded.Server.Endpoints;

/// <summary><c>POST /v1/ask</c>: RAG over the store; with <c>model</c> an LLM writes the cited answer, without it the extractive answerer does.</summary>
internal static class AskApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    internal sealed record AskRequest(string? Question, int? TopK, string? Model, bool Stream);

    public static IEndpointRouteBuilder MapAsk(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/ask", AskAsync).WithTags("Grounded").WithSummary("Answer a question from the store with [n] citations, or abstain")
            .Produces<GroundedAnswer>().ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static async Task AskAsync(HttpContext http, ModelGateway gateway, RagHost rag, TimeProvider time, ServerTelemetry telemetry)
    {
        var started = time.GetTimestamp();
        AskRequest request;
        try
        {
            request = await RequestBody.ReadAsync<AskRequest>(http.Request, gateway.Options.MaxRequestBodyBytes, http.RequestAborted, Web);
        }
        catch (RequestException e)
        {
            await Problem(e.Error.Status, e.Error.Message).ExecuteAsync(http);
            return;
        }

        var answer = await AnswerAsync(http, request, gateway, rag, time);
        var log = telemetry.RequestLog;
        var (model, ms, citations) = (request.Model ?? "extractive", time.GetElapsedTime(started).TotalMilliseconds, answer?.Citations.Count ?? 0);
        if (gateway.Options.LogPrompts)
        {
            ServerLog.AskWithPrompt(log, model, request.Stream, http.Response.StatusCode, answer?.Abstained, citations, ms, request.Question ?? string.Empty);
        }
        else
        {
            ServerLog.Ask(log, model, request.Stream, http.Response.StatusCode, answer?.Abstained, citations, ms);
        }
    }

    private static async Task<GroundedAnswer?> AnswerAsync(HttpContext http, AskRequest request, ModelGateway gateway, RagHost rag, TimeProvider time)
    {
        var ct = http.RequestAborted;

        var topK = request.TopK ?? 5;
        if (string.IsNullOrWhiteSpace(request.Question) || topK is < 1 or > 1000)
        {
            await Problem(400, string.IsNullOrWhiteSpace(request.Question) ? "question is required" : $"topK must be between 1 and 1000 (got {topK})").ExecuteAsync(http);
            return null;
        }

        ServedByRecorder? served = null;
        ChatAnswerGenerator? llm = null;
        if (request.Model is { Length: > 0 } name)
        {
            if (gateway.GetChatClient(name) is not { } client)
            {
                await Problem(404, $"unknown model '{name}'; known models: {string.Join(", ", gateway.Options.Models.Select(m => m.Name))}").ExecuteAsync(http);
                return null;
            }

            served = new ServedByRecorder(client);
            llm = new ChatAnswerGenerator(served, name);
        }

        var local = await rag.GetAsync();
        var pipeline = llm is null ? local.Query : local.QueryWith(llm);
        try
        {
            if (request.Stream)
            {
                return await StreamAsync(http, request.Question, topK, pipeline, llm, served, time, ct);
            }

            var answer = await pipeline.AskAsync(request.Question, topK, ct);
            served?.WriteHeaders(http.Response);
            await Results.Json(Rounded(answer), Web).ExecuteAsync(http);
            return answer;
        }
        catch (GatewayUnavailableException e) when (!http.Response.HasStarted)
        {
            http.Response.Headers[ChatCompletionsApi.AttemptsHeader] = e.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problem(e.AllCircuitsOpen ? 503 : 502, e.Message).ExecuteAsync(http);
            return null;
        }
    }

    private static async Task<GroundedAnswer?> StreamAsync(HttpContext http, string question, int topK, QueryPipeline pipeline,
        ChatAnswerGenerator? llm, ServedByRecorder? served, TimeProvider time, CancellationToken ct)
    {
        SseWriter.Start(http.Response);
        GroundedAnswer answer;
        try
        {
            if (llm is null)
            {
                answer = await pipeline.AskAsync(question, topK, ct);
                await SseWriter.WriteAsync(http.Response, new { type = "delta", text = answer.Answer }, ct, web: true);
            }
            else
            {
                var started = time.GetTimestamp();
                var (searched, evidence) = await pipeline.GatherAsync(question, topK, ct);
                var retrieved = time.GetTimestamp();
                var generated = await llm.StreamAsync(searched, evidence, delta =>
                {
                    served!.WriteHeaders(http.Response);
                    return new ValueTask(SseWriter.WriteAsync(http.Response, new { type = "delta", text = delta }, ct, web: true));
                }, ct);
                var done = time.GetTimestamp();
                var timings = new AnswerTimings(Ms(time.GetElapsedTime(started, retrieved)), Ms(time.GetElapsedTime(retrieved, done)), Ms(time.GetElapsedTime(started, done)));
                answer = new GroundedAnswer(question, generated.Text, generated.Abstained, llm.Name, generated.Abstained ? [] : generated.Citations, timings)
                {
                    SearchedFor = QueryPipeline.Rewritten(question, searched), // as the answer without streaming has it
                };
            }
        }
        catch (GatewayUnavailableException e) when (!http.Response.HasStarted)
        {
            // Nothing is out yet: the client gets a plain status, as without streaming.
            http.Response.ContentType = null;
            http.Response.Headers.CacheControl = default;
            http.Response.Headers[ChatCompletionsApi.AttemptsHeader] = e.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problem(e.AllCircuitsOpen ? 503 : 502, e.Message).ExecuteAsync(http);
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await SseWriter.WriteAsync(http.Response, new { type = "error", message = e.Message.Split('\n')[0] }, ct, web: true);
            return null;
        }

        served?.WriteHeaders(http.Response);
        await SseWriter.WriteAsync(http.Response, new { type = "answer", answer = Rounded(answer) }, ct, web: true);
        await SseWriter.DoneAsync(http.Response, ct);
        return answer;
    }

    private static double Ms(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);

    private static GroundedAnswer Rounded(GroundedAnswer answer) =>
        answer with { Citations = answer.Citations.Select(c => c with { Score = Math.Round(c.Score, 4) }).ToList() };

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
