using System.Diagnostics;
using System.Text;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Grounded.Server.Tests;

/// <summary>Request logs and traces carry no prompt text unless <c>server.logPrompts</c> is true.</summary>
public sealed class RequestLogTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private const string Secret = "my-salary-is-98765";
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task ByDefaultNoLogLineAndNoSpanCarriesThePrompt()
    {
        var (lines, spans) = await ChatAndAskAsync(logPrompts: false);

        Assert.Contains(lines, l => l.Category == "Grounded.Server.Requests" && l.Text.StartsWith("chat model=small served-by=small attempts=1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category == "Grounded.Server.Requests" && l.Text.StartsWith("ask model=small", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Text.Contains(Secret, StringComparison.Ordinal));
        Assert.NotEmpty(spans);
        Assert.DoesNotContain(spans, s => s.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithLogPromptsTheRequestLinesAndSpansCarryIt()
    {
        var (lines, spans) = await ChatAndAskAsync(logPrompts: true);

        Assert.Contains(lines, l => l.Text.StartsWith("chat model=small", StringComparison.Ordinal) && l.Text.Contains($"prompt=user: {Secret}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.StartsWith("ask model=small", StringComparison.Ordinal) && l.Text.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProviderCallsAreTracedOnTheGenAiConventions()
    {
        var (_, spans) = await ChatAndAskAsync(logPrompts: false);

        // One span for /v1/chat/completions, one for /v1/ask's model call.
        var calls = spans.Where(s => s.Contains("gen_ai.usage.input_tokens=10", StringComparison.Ordinal) && s.StartsWith("chat small-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, calls.Count);
        var chat = calls[0];
        Assert.Contains("gen_ai.operation.name=chat", chat, StringComparison.Ordinal);
        Assert.Contains("gen_ai.request.model=small-", chat, StringComparison.Ordinal);
        Assert.Contains("gen_ai.usage.output_tokens=5", chat, StringComparison.Ordinal);
    }

    private async Task<(IReadOnlyList<(string Category, string Text)> Lines, List<string> Spans)> ChatAndAskAsync(bool logPrompts)
    {
        var logs = new CollectingLoggerProvider();
        var spans = new List<string>();
        var marker = Guid.NewGuid().ToString("N");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Grounded.Gateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = $"{activity.DisplayName} {string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(" ", activity.Events.SelectMany(e => e.Tags).Select(t => $"{t.Key}={t.Value}"))}";
                if (text.Contains(marker, StringComparison.Ordinal)) // other tests run in parallel: keep only this host's spans
                {
                    lock (spans)
                    {
                        spans.Add(text);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        _upstream.Default = new Step.Ok("Tides come from the Moon [1].");
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store, $"server: {{ logPrompts: {(logPrompts ? "true" : "false")} }}",
            b => b.ConfigureLogging(l => l.AddProvider(logs)), modelId: $"small-{marker}");
        using var client = factory.CreateClient();

        await client.PostAsync("/v1/chat/completions", Json($$"""{"model":"small","messages":[{"role":"user","content":"{{Secret}}"}]}"""));
        await client.PostAsync("/v1/ask", Json($$"""{"question":"What causes tides, given {{Secret}}?","model":"small"}"""));

        lock (spans)
        {
            return (logs.Lines, spans.ToList());
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
