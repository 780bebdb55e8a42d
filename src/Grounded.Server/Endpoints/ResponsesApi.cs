using System.Text;
using Grounded.Hosting;
using Grounded.Server.OpenAi;
using Grounded.Server.Requests;
using Grounded.Server.Responses;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>POST /v1/responses</c>: OpenAI's Responses API (text, function tools, streaming events) over the gateway's one request
/// pipeline; <c>"model": "prompt:ID[@VERSION]"</c> calls a registry prompt (<see cref="PromptRequest"/>).
/// </summary>
internal static class ResponsesApi
{
    public static IEndpointRouteBuilder MapResponses(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/responses", RespondAsync).WithTags("OpenAI").WithSummary("Create a model response (OpenAI Responses API; stream: true for events)");
        return app;
    }

    private static async Task RespondAsync(HttpContext http, GroundedStack stack, TimeProvider time)
    {
        var ct = http.RequestAborted;
        var context = http.Context("responses");
        var gateway = stack.Gateway;
        var body = await RequestBody.ReadAsync(http.Request, gateway.Options.MaxRequestBodyBytes, ct);
        if (PromptRequest.Calls(body.RootElement))
        {
            // A registry prompt ("model": "prompt:ID[@VERSION]") becomes the request it stands for, checked like any other.
            using var called = body;
            (body, var prompt) = await PromptRequest.ExpandResponsesAsync(called.RootElement, stack, ct);
            context.PromptId = prompt.Reference;
        }

        using var disposeBody = body;
        var request = ResponsesRequestReader.Read(body.RootElement, gateway);
        context.RequestedModel = request.Model;
        context.Stream = request.Stream;
        context.EndUser = request.User;
        http.KeepPrompt(gateway.Options, request.Messages);

        var options = context.AttachTo(request.Options);
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var id = ResponseObject.NewId("resp");
        if (request.Stream)
        {
            var streamed = new StringBuilder();
            await new ResponsesStreamWriter(http, new ResponseObject(id, created, request, request.Model), context)
                .WriteAsync(CompletionReceipts.Gather(gateway.Client.GetStreamingResponseAsync(request.Messages, options, ct), streamed, ct));
            await stack.Receipts.KeepAsync(CompletionReceipts.Of(id, context, request.Messages, streamed.ToString()));
            return;
        }

        var response = await gateway.Client.GetResponseAsync(request.Messages, options, ct);
        await stack.Receipts.KeepAsync(CompletionReceipts.Of(id, context, request.Messages, response.Text));
        var result = new ResponseObject(id, created, request, context.ServedBy ?? request.Model)
            .Build("completed", ResponseObject.Output(response.Messages.SelectMany(m => m.Contents)), response.Usage, response.FinishReason);
        await Results.Text(result.ToJsonString(), "application/json").ExecuteAsync(http);
    }
}
