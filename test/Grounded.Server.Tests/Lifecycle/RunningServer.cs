using System.Net.Http.Headers;
using System.Text;
using Grounded.Hosting.Config;

namespace Grounded.Server.Tests.Lifecycle;

/// <summary>
/// <c>grounded serve</c> in-process (<see cref="ServerHost.RunAsync"/> on a real port) with one model at an upstream;
/// <see cref="Stop"/> asks it to stop as Ctrl+C does, and <see cref="Run"/> ends when it has.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;

    private RunningServer(Task run, Uri url, CancellationTokenSource stop) => (Run, Url, _stop) = (run, url, stop);

    public Task Run { get; }

    public Uri Url { get; }

    public static async Task<RunningServer> StartAsync(string directory, Uri upstream, string serverYaml)
    {
        var config = Path.Combine(directory, "grounded.yaml");
        await File.WriteAllTextAsync(config, $"""
            models:
              - name: small
                provider: openai
                endpoint: {upstream}
                model: small-model
                contextWindow: 8000
                maxOutputTokens: 500
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            {serverYaml}
            """);
        var options = GroundedConfig.Load(config, new Dictionary<string, string?>());
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        var run = ServerHost.RunAsync(new ServeOptions(options with { Rag = options.Rag with { Store = Path.Combine(directory, "store") } }, "http://127.0.0.1:0"),
            urls => listening.TrySetResult(new Uri(urls.First())), stop.Token);
        if (await Task.WhenAny(listening.Task, run) == run)
        {
            await run; // throws why it did not start
        }

        return new RunningServer(run, await listening.Task, stop);
    }

    /// <summary>A chat completion request (streamed when asked), for <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>.</summary>
    public HttpRequestMessage Chat(bool stream) => new(HttpMethod.Post, new Uri(Url, "/v1/chat/completions"))
    {
        Content = new StringContent($$"""{"model":"small","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    public void Stop() => _stop.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(60));
        _stop.Dispose();
    }
}
