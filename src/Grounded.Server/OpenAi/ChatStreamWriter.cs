using System.Text.Json;
using Grounded.Gateway.Context;
using Grounded.Gateway.Providers;
using Grounded.Server.Errors;
using Grounded.Server.Lifecycle;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>
/// Writes a streamed chat completion as OpenAI does: the role first, then text and tool-call pieces in the order the
/// provider sent them (argument pieces as argument deltas), then one chunk with the finish reason, then the usage chunk
/// when asked, then <c>[DONE]</c>. A failure before the first piece reaches the error middleware (a plain status); after
/// it, the stream ends with an error event and no <c>[DONE]</c>.
/// </summary>
internal sealed class ChatStreamWriter(HttpContext http, string id, long created, GatewayContext context)
{
    private string _model = context.RequestedModel ?? "unknown";
    private string? _fingerprint;
    private bool _roleSent;
    private int _calls;

    public async Task WriteAsync(IAsyncEnumerable<ChatResponseUpdate> updates, bool includeUsage)
    {
        var ct = http.RequestAborted;
        await using var stream = updates.GetAsyncEnumerator(ct);
        var any = await stream.MoveNextAsync(); // failures before the first update are plain HTTP errors
        _model = context.ServedBy ?? _model;
        SseWriter.Start(http.Response);
        UsageDetails? usage = null;
        string? finish = null;
        try
        {
            while (any)
            {
                var update = stream.Current;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                finish = ChatResponseMapper.FinishReason(update.FinishReason) ?? finish;
                _fingerprint ??= ChatResponseMapper.Property<string>(update.AdditionalProperties, ResponseFields.SystemFingerprint);
                await WriteUpdateAsync(update, ct);
                any = await stream.MoveNextAsync();
            }
        }
        catch (Exception) when (ShutdownCut.Ended(http))
        {
            http.Features.Set(new RequestError("shutting_down"));
            await SseWriter.WriteAsync(http.Response, ErrorWriter.Body(ShutdownCut.Error()), ShutdownCut.ClientToken(http));
            return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            http.Features.Set(new RequestError(ErrorKinds.Of(e, 500))); // the status is out already: the metric still counts it
            // Headers and some tokens are out: the only honest ending is an error event, never a silent truncation.
            await SseWriter.WriteAsync(http.Response, ErrorWriter.Body(Failures.Describe(e, context.RequestId)), ct);
            return;
        }

        // The answer is all in: its end is written even if the drain deadline passes meanwhile.
        ct = ShutdownCut.ClientToken(http);
        await WriteChunkAsync(new WireDelta { Role = _roleSent ? null : "assistant" }, finish ?? (_calls > 0 ? "tool_calls" : "stop"), null, ct);
        if (includeUsage)
        {
            await SseWriter.WriteAsync(http.Response, Chunk([], ChatResponseMapper.Usage(usage ?? context.Usage, context.Cost)), ct);
        }

        await SseWriter.DoneAsync(http.Response, ct);
    }

    private async Task WriteUpdateAsync(ChatResponseUpdate update, CancellationToken ct)
    {
        var logprobs = ChatResponseMapper.Property<JsonElement?>(update.AdditionalProperties, ResponseFields.LogProbabilities);
        var text = string.Concat(update.Contents.OfType<TextContent>().Select(t => t.Text));
        var refusal = ChatResponseMapper.Refusal(update.Contents);
        if (text.Length > 0 || refusal is not null || logprobs is not null || !_roleSent)
        {
            await WriteChunkAsync(new WireDelta { Role = _roleSent ? null : "assistant", Content = text.Length > 0 || !_roleSent ? text : null, Refusal = refusal }, null, logprobs, ct);
        }

        // Pieces of calls as the provider streamed them; whole calls from providers that send them whole.
        var pieces = update.Contents.OfType<FunctionCallDeltaContent>().Select(d => new WireToolCall
        {
            Index = d.Index,
            Id = d.CallId,
            Type = d.CallId is null ? null : "function",
            Function = new WireFunctionCall { Name = d.Name, Arguments = d.ArgumentsDelta },
        }).ToList();
        _calls = Math.Max(_calls, pieces.Count == 0 ? 0 : pieces.Max(p => p.Index!.Value) + 1);
        var whole = ChatResponseMapper.ToolCalls(update.Contents.OfType<FunctionCallContent>().Where(c => !FunctionCallDeltaContent.WasStreamed(c)), withIndex: true, _calls);
        _calls += whole?.Count ?? 0;
        var calls = pieces.Concat(whole ?? []).ToList();
        if (calls.Count > 0)
        {
            await WriteChunkAsync(new WireDelta { ToolCalls = calls }, null, null, ct);
        }
    }

    private Task WriteChunkAsync(WireDelta delta, string? finish, JsonElement? logprobs, CancellationToken ct)
    {
        _roleSent = true;
        return SseWriter.WriteAsync(http.Response, Chunk([new WireChoice { Index = 0, Delta = delta, Logprobs = logprobs, FinishReason = finish }], null), ct);
    }

    private ChatCompletionResponse Chunk(List<WireChoice> choices, WireUsage? usage) => new()
    {
        Id = id, Object = "chat.completion.chunk", Created = created, Model = _model, Choices = choices, Usage = usage, SystemFingerprint = _fingerprint,
    };
}
