using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grounded.Testing.Upstream;

/// <summary>
/// A real Kestrel server on a free loopback port that speaks OpenAI's <c>/v1/chat/completions</c> and Anthropic's
/// <c>/v1/messages</c>, doing what its script says for each request (then <see cref="Default"/> once the script is used up).
/// Tests in-process call <see cref="Then"/>; other processes use the control routes (see <see cref="ControlRoutes"/>).
/// </summary>
public sealed class ScriptableUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Step> _script = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private int _requests;

    private ScriptableUpstream(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    /// <summary>Gets the name the upstream puts in its answers (<c>[name] echo: …</c>).</summary>
    public string Name { get; }

    /// <summary>Gets or sets what to do once the script is used up.</summary>
    public Step Default { get; set; } = new Step.Ok();

    /// <summary>Gets the base URL, e.g. <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets how many chat requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>
    /// Gets or sets the time between two tokens of an answer, as a model generates them: a stream sends a chunk per interval,
    /// a whole answer comes after all its tokens (load rigs use it for realistic latency; zero by default).
    /// </summary>
    public TimeSpan TokenInterval { get; set; }

    /// <summary>Gets or sets whether request bodies are kept for <see cref="Bodies"/> (off for load tests, where they would pile up).</summary>
    public bool KeepBodies { get; set; } = true;

    /// <summary>Gets the request bodies received, oldest first.</summary>
    public IReadOnlyList<string> Bodies => [.. _bodies];

    /// <summary>Starts an upstream on <paramref name="port"/> of 127.0.0.1 (0: a free port).</summary>
    public static async Task<ScriptableUpstream> StartAsync(string name = "upstream", int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new ScriptableUpstream(app, name);
        app.MapPost("/v1/chat/completions", http => upstream.HandleAsync(http, anthropic: false));
        app.MapPost("/v1/messages", http => upstream.HandleAsync(http, anthropic: true));
        ControlRoutes.Map(app, upstream);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return upstream;
    }

    /// <summary>Queues what to do for the next requests, in order.</summary>
    public ScriptableUpstream Then(params Step[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }

        return this;
    }

    /// <summary>Forgets the script, the bodies and the request count, and answers <see cref="Step.Ok"/> by default again.</summary>
    public void Reset()
    {
        _script.Clear();
        _bodies.Clear();
        Interlocked.Exchange(ref _requests, 0);
        Default = new Step.Ok();
    }

    /// <summary>Waits (in real time, bounded) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (Requests < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"expected {count} requests, got {Requests}");
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Serves until the process is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext http, bool anthropic)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        if (KeepBodies)
        {
            _bodies.Enqueue(body);
        }

        Interlocked.Increment(ref _requests);
        var step = _script.TryDequeue(out var next) ? next : Default;
        var request = UpstreamRequest.From(JsonNode.Parse(body)!);
        switch (step)
        {
            case Step.Fail fail:
                await FailAsync(http, fail).ConfigureAwait(false);
                return;
            case Step.Hang:
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ConfigureAwait(false);
                return;
            case Step.Malformed:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"id\": \"x\", \"choices\": [ this is not json").ConfigureAwait(false);
                return;
            case Step.Ok ok when ok.Delay > TimeSpan.Zero:
                await Task.Delay(ok.Delay, http.RequestAborted).ConfigureAwait(false);
                break;
        }

        var text = (step as Step.Ok)?.Text ?? (step as Step.SlowStream)?.Text ?? $"[{Name}] echo: {request.LastUserText}";
        var reply = step is Step.ToolCalls tools ? new Reply(null, tools.Calls, tools.Pieces)
            : new Reply(text, [], CutAfter: step is Step.CutStream c ? c.Tokens : -1, PerToken: (step as Step.SlowStream)?.PerToken ?? TokenInterval);
        if (request.Stream)
        {
            await (anthropic ? AnthropicWire.StreamAsync(http, reply) : OpenAiWire.StreamAsync(http, reply, request, Name)).ConfigureAwait(false);
        }
        else
        {
            if (reply.PerToken > TimeSpan.Zero && reply.Text is not null)
            {
                await Task.Delay(reply.PerToken * Math.Max(0, Sse.Words(reply.Text).Count - 1), http.RequestAborted).ConfigureAwait(false); // a whole answer comes once its last token is made
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(anthropic ? AnthropicWire.Message(reply) : OpenAiWire.Completion(reply, request, Name)).ConfigureAwait(false);
        }
    }

    // One body that both SDKs read: OpenAI's {"error": {...}} with Anthropic's top-level "type": "error".
    private static async Task FailAsync(HttpContext http, Step.Fail fail)
    {
        http.Response.StatusCode = fail.Status;
        if (fail.RetryAfter is not null)
        {
            http.Response.Headers.RetryAfter = fail.RetryAfter;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Sse.Json(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = fail.Message ?? $"scripted {fail.Status}",
                ["type"] = fail.Type ?? (fail.Status switch { 429 => "rate_limit_error", >= 500 => "server_error", _ => "invalid_request_error" }),
                ["code"] = fail.Code,
                ["param"] = fail.Param,
            },
            ["type"] = "error",
        })).ConfigureAwait(false);
    }
}
