using Grounded.Gateway;
using Grounded.Gateway.Route;
using Grounded.Server.OpenAi;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Endpoints;

/// <summary><c>POST /v1/chat/completions</c> and <c>GET /v1/models</c> in OpenAI's wire format.</summary>
internal static class ChatCompletionsApi
{
    public const string ModelHeader = "x-grounded-model";
    public const string AttemptsHeader = "x-grounded-attempts";

    public static IEndpointRouteBuilder MapChatCompletions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", CompleteAsync).WithTags("OpenAI").WithSummary("Create a chat completion (OpenAI-compatible; stream: true for SSE)");
        app.MapGet("/v1/models", (ModelGateway gateway, TimeProvider time) => Results.Json(new
        {
            @object = "list",
            data = gateway.Options.Models.Select(m => new { id = m.Name, @object = "model", created = 0, owned_by = m.Provider, context_window = m.ContextWindow }),
        })).WithTags("OpenAI").WithSummary("List the configured models");
        return app;
    }

    private static async Task CompleteAsync(HttpContext http, ModelGateway gateway, ServerTelemetry telemetry, TimeProvider time)
    {
        var ct = http.RequestAborted;
        ChatRequestValidator.Checked request;
        ChatCompletionRequest body;
        try
        {
            body = await RequestBody.ReadAsync<ChatCompletionRequest>(http.Request, gateway.Options.MaxRequestBodyBytes, ct);
            request = ChatRequestValidator.Check(body, gateway);
        }
        catch (RequestException e)
        {
            await e.Error.ToResult().ExecuteAsync(http);
            return;
        }

        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var started = time.GetTimestamp();
        var promptTokens = body.Stream
            ? await StreamAsync(http, request, gateway, id, created, body.StreamOptions?.IncludeUsage ?? false, telemetry, time, started)
            : await RespondAsync(http, request, gateway, id, created, telemetry, time, started);
        var log = telemetry.RequestLog;
        if (!log.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var (served, attempts, ms) = (http.Response.Headers[ModelHeader].ToString(), http.Response.Headers[AttemptsHeader].ToString(), time.GetElapsedTime(started).TotalMilliseconds);
        if (gateway.Options.LogPrompts)
        {
            var prompt = string.Join(" | ", request.Messages.Select(m => $"{m.Role}: {m.Text}"));
            ServerLog.ChatWithPrompt(log, request.Model.Name, served, attempts, body.Stream, http.Response.StatusCode, (int)(promptTokens ?? request.PromptTokens), ms, prompt);
        }
        else
        {
            ServerLog.Chat(log, request.Model.Name, served, attempts, body.Stream, http.Response.StatusCode, (int)(promptTokens ?? request.PromptTokens), ms);
        }
    }

    /// <returns>The prompt's token count when the request was served (the provider's, else ours), null when it failed.</returns>
    private static async Task<long?> RespondAsync(HttpContext http, ChatRequestValidator.Checked r, ModelGateway gateway, string id, long created,
        ServerTelemetry telemetry, TimeProvider time, long started)
    {
        ChatResponse response;
        try
        {
            response = await r.Client.GetResponseAsync(r.Messages, r.Options, http.RequestAborted);
        }
        catch (GatewayUnavailableException e)
        {
            http.Response.Headers[AttemptsHeader] = e.Attempts.ToString();
            await GatewayErrors.From(e).ToResult().ExecuteAsync(http);
            return null;
        }

        var served = GatewayMetadata.Model(response.AdditionalProperties) ?? r.Model.Name;
        http.Response.Headers[ModelHeader] = served;
        http.Response.Headers[AttemptsHeader] = GatewayMetadata.Attempts(response.AdditionalProperties).ToString();
        var usage = ChatResponseMapper.Usage(response.Usage, () => r.PromptTokens, () => gateway.Tokens.Count(response.Text));
        telemetry.Completed(served, time.GetElapsedTime(started), null, usage.PromptTokens, usage.CompletionTokens);
        await Results.Json(ChatResponseMapper.Completion(response, id, created, served, usage)).ExecuteAsync(http);
        return usage.PromptTokens;
    }

    private static async Task<long?> StreamAsync(HttpContext http, ChatRequestValidator.Checked r, ModelGateway gateway, string id, long created, bool includeUsage,
        ServerTelemetry telemetry, TimeProvider time, long started)
    {
        var ct = http.RequestAborted;
        await using var stream = r.Client.GetStreamingResponseAsync(r.Messages, r.Options, ct).GetAsyncEnumerator(ct);
        bool any;
        try
        {
            any = await stream.MoveNextAsync();
        }
        catch (GatewayUnavailableException e)
        {
            http.Response.Headers[AttemptsHeader] = e.Attempts.ToString();
            await GatewayErrors.From(e).ToResult().ExecuteAsync(http);
            return null;
        }

        var served = any ? GatewayMetadata.Model(stream.Current.AdditionalProperties) ?? r.Model.Name : r.Model.Name;
        var firstToken = time.GetElapsedTime(started);
        http.Response.Headers[ModelHeader] = served;
        http.Response.Headers[AttemptsHeader] = (any ? GatewayMetadata.Attempts(stream.Current.AdditionalProperties) : 0).ToString();
        SseWriter.Start(http.Response);
        UsageDetails? usage = null;
        var text = new System.Text.StringBuilder();
        var first = true;
        try
        {
            while (any)
            {
                var update = stream.Current;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                text.Append(update.Text);
                if (first || update.Text.Length > 0 || update.FinishReason is not null || update.Contents.OfType<FunctionCallContent>().Any())
                {
                    await SseWriter.WriteAsync(http.Response, ChatResponseMapper.Chunk(update, id, created, served, first), ct);
                    first = false;
                }

                any = await stream.MoveNextAsync();
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Headers and some tokens are out: the only honest ending is an error event, never a silent truncation.
            await SseWriter.WriteAsync(http.Response, GatewayErrors.From(e).Body, ct);
            return null;
        }

        var wireUsage = ChatResponseMapper.Usage(usage, () => r.PromptTokens, () => gateway.Tokens.Count(text.ToString()));
        if (includeUsage)
        {
            await SseWriter.WriteAsync(http.Response, new ChatCompletionResponse
            {
                Id = id, Object = "chat.completion.chunk", Created = created, Model = served, Choices = [], Usage = wireUsage,
            }, ct);
        }

        telemetry.Completed(served, time.GetElapsedTime(started), firstToken, wireUsage.PromptTokens, wireUsage.CompletionTokens);
        await SseWriter.DoneAsync(http.Response, ct);
        return wireUsage.PromptTokens;
    }
}
