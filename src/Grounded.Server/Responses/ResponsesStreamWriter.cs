using System.Text;
using System.Text.Json.Nodes;
using Grounded.Gateway.Context;
using Grounded.Gateway.Providers;
using Grounded.Server.Errors;
using Grounded.Server.Lifecycle;
using Grounded.Server.OpenAi;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Responses;

/// <summary>
/// Streams a response as the Responses API's events: <c>response.created</c>, then for each output item its
/// <c>output_item.added</c>, its text or argument deltas and its <c>.done</c> events, then <c>response.completed</c>
/// with the whole response. A failure after the first event ends the stream with an <c>error</c> event.
/// </summary>
internal sealed class ResponsesStreamWriter(HttpContext http, ResponseObject response, GatewayContext context)
{
    private readonly JsonArray _output = [];
    private int _sequence;
    private Open? _open;

    public async Task WriteAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var ct = http.RequestAborted;
        await using var stream = updates.GetAsyncEnumerator(ct);
        var any = await stream.MoveNextAsync(); // failures before the first update are plain HTTP errors
        response.Model = context.ServedBy ?? response.Model;
        SseWriter.Start(http.Response);
        await EventAsync("response.created", new JsonObject { ["response"] = response.Build("in_progress", [], null) });
        await EventAsync("response.in_progress", new JsonObject { ["response"] = response.Build("in_progress", [], null) });
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        try
        {
            while (any)
            {
                var update = stream.Current;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                finish = update.FinishReason ?? finish;
                foreach (var content in update.Contents)
                {
                    await WriteAsync(content);
                }

                any = await stream.MoveNextAsync();
            }

            await CloseAsync();
        }
        catch (Exception) when (ShutdownCut.Ended(http))
        {
            http.Features.Set(new RequestError("shutting_down"));
            var error = ShutdownCut.Error();
            await EventAsync("error", new JsonObject { ["code"] = error.Code, ["message"] = error.Message, ["param"] = null });
            return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            http.Features.Set(new RequestError(ErrorKinds.Of(e, 500))); // the status is out already: the metric still counts it
            var error = Failures.Describe(e, context.RequestId);
            await EventAsync("error", new JsonObject { ["code"] = error.Code ?? error.Type, ["message"] = error.Message, ["param"] = error.Param });
            return;
        }

        await EventAsync("response.completed", new JsonObject { ["response"] = response.Build("completed", (JsonArray)_output.DeepClone(), usage ?? context.Usage, finish) });
    }

    private async Task WriteAsync(AIContent content)
    {
        switch (content)
        {
            case TextContent { Text.Length: > 0 } text:
                await OpenMessageAsync("message");
                _open!.Text.Append(text.Text);
                await EventAsync("response.output_text.delta", Part(null, ("delta", text.Text)));
                break;
            case ErrorContent { ErrorCode: "Refusal" } refusal:
                await OpenMessageAsync("refusal");
                _open!.Text.Append(refusal.Message);
                await EventAsync("response.refusal.delta", Part(null, ("delta", refusal.Message)));
                break;
            case FunctionCallDeltaContent piece:
                if (_open is not { Kind: "function_call" } open || open.CallIndex != piece.Index)
                {
                    await CloseAsync();
                    _open = new Open("function_call", ResponseObject.NewId("fc"), piece.Index) { CallId = piece.CallId ?? string.Empty, Name = piece.Name ?? string.Empty };
                    await EventAsync("response.output_item.added", new JsonObject { ["output_index"] = _output.Count, ["item"] = ResponseObject.FunctionCall(_open.Id, _open.CallId, _open.Name, string.Empty, "in_progress") });
                }

                _open.Text.Append(piece.ArgumentsDelta);
                await EventAsync("response.function_call_arguments.delta", new JsonObject { ["item_id"] = _open.Id, ["output_index"] = _output.Count, ["delta"] = piece.ArgumentsDelta });
                break;
            case FunctionCallContent call when !FunctionCallDeltaContent.WasStreamed(call):
                await CloseAsync();
                _open = new Open("function_call", ResponseObject.NewId("fc"), -1) { CallId = call.CallId, Name = call.Name };
                await EventAsync("response.output_item.added", new JsonObject { ["output_index"] = _output.Count, ["item"] = ResponseObject.FunctionCall(_open.Id, call.CallId, call.Name, string.Empty, "in_progress") });
                _open.Text.Append(ToolCallArguments.Text(call));
                await EventAsync("response.function_call_arguments.delta", new JsonObject { ["item_id"] = _open.Id, ["output_index"] = _output.Count, ["delta"] = _open.Text.ToString() });
                await CloseAsync();
                break;
        }
    }

    // A message item holds one part: output text, or a refusal (a model that refuses writes no text).
    private async Task OpenMessageAsync(string kind)
    {
        if (_open?.Kind == kind)
        {
            return;
        }

        await CloseAsync();
        _open = new Open(kind, ResponseObject.NewId("msg"), -1);
        await EventAsync("response.output_item.added", new JsonObject { ["output_index"] = _output.Count, ["item"] = ResponseObject.Message(_open.Id, "in_progress", null) });
        await EventAsync("response.content_part.added", Part(kind == "message" ? ResponseObject.TextPart(string.Empty) : ResponseObject.RefusalPart(string.Empty)));
    }

    // Ends the open item: its .done events, and it joins the output.
    private async Task CloseAsync()
    {
        if (_open is not { } open)
        {
            return;
        }

        _open = null;
        var text = open.Text.ToString();
        JsonObject item;
        if (open.Kind == "message")
        {
            await EventAsync("response.output_text.done", Part(null, ("text", text), open.Id));
            await EventAsync("response.content_part.done", Part(ResponseObject.TextPart(text), null, open.Id));
            item = ResponseObject.Message(open.Id, "completed", text);
        }
        else if (open.Kind == "refusal")
        {
            await EventAsync("response.refusal.done", Part(null, ("refusal", text), open.Id));
            await EventAsync("response.content_part.done", Part(ResponseObject.RefusalPart(text), null, open.Id));
            item = ResponseObject.Message(open.Id, "completed", null, text);
        }
        else
        {
            await EventAsync("response.function_call_arguments.done", new JsonObject { ["item_id"] = open.Id, ["output_index"] = _output.Count, ["arguments"] = text });
            item = ResponseObject.FunctionCall(open.Id, open.CallId, open.Name, text, "completed");
        }

        await EventAsync("response.output_item.done", new JsonObject { ["output_index"] = _output.Count, ["item"] = item.DeepClone() });
        _output.Add(item);
    }

    private JsonObject Part(JsonObject? part, (string Key, string Value)? value = null, string? itemId = null)
    {
        var data = new JsonObject { ["item_id"] = itemId ?? _open!.Id, ["output_index"] = _output.Count, ["content_index"] = 0 };
        if (part is not null)
        {
            data["part"] = part;
        }

        if (value is { } v)
        {
            data[v.Key] = v.Value;
        }

        return data;
    }

    private Task EventAsync(string type, JsonObject data)
    {
        var ordered = new JsonObject { ["type"] = type, ["sequence_number"] = _sequence++ };
        foreach (var (key, value) in data.ToList())
        {
            data.Remove(key);
            ordered[key] = value;
        }

        // The client's token: the end of a response that is all in, or the drain deadline's error event, is still written.
        return SseWriter.WriteEventAsync(http.Response, type, ordered, ShutdownCut.ClientToken(http));
    }

    private sealed record Open(string Kind, string Id, int CallIndex)
    {
        public StringBuilder Text { get; } = new();

        public string CallId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;
    }
}
