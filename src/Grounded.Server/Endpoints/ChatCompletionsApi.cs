using System.Text;
using Grounded.Hosting;
using Grounded.Server.OpenAi;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>POST /v1/chat/completions</c> in OpenAI's wire format: through the gateway's one request pipeline, whole or streamed;
/// <c>"model": "prompt:ID[@VERSION]"</c> calls a registry prompt (<see cref="PromptRequest"/>).
/// </summary>
internal static class ChatCompletionsApi
{
    public static IEndpointRouteBuilder MapChatCompletions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", CompleteAsync).WithTags("OpenAI").WithSummary("Create a chat completion (OpenAI-compatible; stream: true for SSE)");
        return app;
    }

    private static async Task CompleteAsync(HttpContext http, GroundedStack stack, TimeProvider time)
    {
        var ct = http.RequestAborted;
        var context = http.Context("chat");
        var gateway = stack.Gateway;
        var body = await RequestBody.ReadAsync(http.Request, gateway.Options.MaxRequestBodyBytes, ct);
        if (PromptRequest.Calls(body.RootElement))
        {
            // A registry prompt ("model": "prompt:ID[@VERSION]") becomes the request it stands for, checked like any other.
            using var called = body;
            (body, var prompt) = await PromptRequest.ExpandAsync(called.RootElement, stack, ct);
            context.PromptId = prompt.Reference;
        }

        using var disposeBody = body;
        var request = ChatRequestValidator.Check(body.RootElement, gateway);
        context.RequestedModel = request.Requested;
        context.Stream = request.Stream;
        context.EndUser = request.User;
        http.KeepPrompt(gateway.Options, request.Messages);

        var options = context.AttachTo(request.Options);
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        if (request.Stream)
        {
            var streamed = new StringBuilder();
            await new ChatStreamWriter(http, id, created, context)
                .WriteAsync(CompletionReceipts.Gather(gateway.Client.GetStreamingResponseAsync(request.Messages, options, ct), streamed, ct), request.IncludeUsage);
            await stack.Receipts.KeepAsync(CompletionReceipts.Of(id, context, request.Messages, streamed.ToString()));
            return;
        }

        var response = await gateway.Client.GetResponseAsync(request.Messages, options, ct);
        await stack.Receipts.KeepAsync(CompletionReceipts.Of(id, context, request.Messages, response.Text));
        await Results.Json(ChatResponseMapper.Completion(response, id, created, context.ServedBy ?? request.Model.Name, context.Cost)).ExecuteAsync(http);
    }
}
