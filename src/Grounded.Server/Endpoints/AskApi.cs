using System.Text.Json;
using Grounded.Answers;
using Grounded.Gateway;
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

    private static async Task AskAsync(HttpContext http, ModelGateway gateway, RagHost rag)
    {
        var ct = http.RequestAborted;
        AskRequest request;
        try
        {
            request = await RequestBody.ReadAsync<AskRequest>(http.Request, gateway.Options.MaxRequestBodyBytes, ct, Web);
        }
        catch (RequestException e)
        {
            await Problem(e.Error.Status, e.Error.Message).ExecuteAsync(http);
            return;
        }

        var topK = request.TopK ?? 5;
        if (string.IsNullOrWhiteSpace(request.Question) || topK is < 1 or > 1000)
        {
            await Problem(400, string.IsNullOrWhiteSpace(request.Question) ? "question is required" : $"topK must be between 1 and 1000 (got {topK})").ExecuteAsync(http);
            return;
        }

        IAnswerGenerator? generator = null;
        if (request.Model is { Length: > 0 } name)
        {
            if (gateway.GetChatClient(name) is not { } client)
            {
                await Problem(404, $"unknown model '{name}'; known models: {string.Join(", ", gateway.Options.Models.Select(m => m.Name))}").ExecuteAsync(http);
                return;
            }

            generator = new ChatAnswerGenerator(client, name);
        }

        var local = await rag.GetAsync();
        var pipeline = generator is null ? local.Query : local.QueryWith(generator);
        try
        {
            if (!request.Stream)
            {
                await Results.Json(Rounded(await pipeline.AskAsync(request.Question, topK, ct)), Web).ExecuteAsync(http);
                return;
            }

            await StreamAsync(http, request.Question, topK, local, pipeline, generator as ChatAnswerGenerator, ct);
        }
        catch (Gateway.Route.GatewayUnavailableException e) when (!http.Response.HasStarted)
        {
            await Problem(e.AllCircuitsOpen ? 503 : 502, e.Message).ExecuteAsync(http);
        }
    }

    private static async Task StreamAsync(HttpContext http, string question, int topK, LocalRag rag, QueryPipeline pipeline, ChatAnswerGenerator? llm, CancellationToken ct)
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
                var evidence = await pipeline.SearchAsync(question, topK, ct);
                var generated = await llm.StreamAsync(question, evidence,
                    delta => new ValueTask(SseWriter.WriteAsync(http.Response, new { type = "delta", text = delta }, ct, web: true)), ct);
                answer = new GroundedAnswer(question, generated.Text, generated.Abstained, llm.Name, generated.Abstained ? [] : generated.Citations, new AnswerTimings(0, 0, 0));
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await SseWriter.WriteAsync(http.Response, new { type = "error", message = e.Message.Split('\n')[0] }, ct, web: true);
            return;
        }

        _ = rag;
        await SseWriter.WriteAsync(http.Response, new { type = "answer", answer = Rounded(answer) }, ct, web: true);
        await SseWriter.DoneAsync(http.Response, ct);
    }

    private static GroundedAnswer Rounded(GroundedAnswer answer) =>
        answer with { Citations = answer.Citations.Select(c => c with { Score = Math.Round(c.Score, 4) }).ToList() };

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
