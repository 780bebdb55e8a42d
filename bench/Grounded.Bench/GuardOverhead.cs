using Grounded.Guards.Injection;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Grounded.Gateway;
using Grounded.Gateway.Config;
using Grounded.Gateway.Guard;
using Grounded.Gateway.Pipeline;
using Grounded.Gateway.Tokens;
using Grounded.Guards;
using Grounded.Hosting.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// What the guards add to a request of about 2,000 prompt tokens: the gateway's whole pipeline over an instant provider,
/// with the guards that need no language model (PII redaction, injection, toxicity on input and output, the tools
/// allowlist, the refusal count; <c>--topics</c> adds the topic policy, which embeds the request with the local model)
/// against the same pipeline without guards, request by request in turns, whole or streamed. The detectors are
/// <see cref="GuardDetectors"/>' (the product's), so the figure follows them.
/// </summary>
internal static class GuardOverhead
{
    private const string Usage = "usage: guard-overhead [--requests 4000] [--tokens 2000] [--stream] [--topics] [--no-classifier] [--json FILE]";

    private sealed record Result(string Pipeline, int Requests, double P50Us, double P99Us, double P999Us, double MeanUs);

    public static async Task<int> RunAsync(string[] args)
    {
        Args options;
        try
        {
            options = Args.Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }

        var requests = Math.Max(10, options.GetInt("requests", 4_000));
        var stream = options.Get("stream") is not null || args.Contains("--stream");
        var topics = args.Contains("--topics");
        var classifier = !args.Contains("--no-classifier");
        var (prompt, tokens) = Prompt(options.GetInt("tokens", 2_000));
        using var detectors = GuardDetectors.Create();
        var policy = new GuardPolicy
        {
            Pii = new PiiGuardOptions { Mode = GuardMode.Redact },
            Injection = new InjectionGuardOptions { Mode = GuardMode.Block },
            Toxicity = new ToxicityGuardOptions { Mode = GuardMode.Flag },
            Tools = new ToolsGuardOptions { Allow = new HashSet<string> { "lookup_order" } },
            Topics = topics ? new TopicGuardOptions
            {
                Allowed = new Dictionary<string, IReadOnlyList<string>> { ["support"] = ["I need help with my order and my account", "Where is my refund for the order?"] },
                AllowedAbove = 0.1,
            } : null,
        };
        // --no-classifier: the injection guard with its patterns only, to show what the guards cost without any model.
        var injection = classifier ? detectors.Injection : new InjectionDetector(detectors.Embedder, new InjectionDetectorOptions { UseClassifier = false });
        var dependencies = new GuardDependencies(detectors.Pii, injection, detectors.Embedder);
        using var plain = Gateway(null, dependencies);
        using var guarded = Gateway(new GuardOptions { Default = policy }, dependencies);
        List<ChatMessage> messages = [new(ChatRole.System, "You are the support assistant of an online shop."), new(ChatRole.User, prompt)];
        var pipelines = new[] { ("baseline: no guards", plain), ("guards: pii, injection" + (classifier ? string.Empty : " (patterns)") + ", toxicity, tools" + (topics ? ", topics" : string.Empty), guarded) };
        var times = pipelines.Select(_ => new List<double>(requests)).ToArray();
        for (var i = 0; i < requests * pipelines.Length; i++)
        {
            var p = i % pipelines.Length;
            var t0 = Stopwatch.GetTimestamp();
            await OneAsync(pipelines[p].Item2.Client, messages, stream);
            times[p].Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
        }

        var results = pipelines.Select((p, i) => Summarise(p.Item1, times[i].Skip(times[i].Count / 10).ToList())).ToList(); // first 10%: warm-up
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prompt: {tokens} tokens ({prompt.Length} characters), {(stream ? "streamed" : "whole")} answers of {InstantProvider.Answer.Length} characters, {requests} requests each"));
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Pipeline,-46} p50 {r.P50Us,8:0.0} µs  p99 {r.P99Us,8:0.0} µs  p99.9 {r.P999Us,8:0.0} µs  mean {r.MeanUs,7:0.0} µs"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"overhead (guards - baseline)",-46} p50 {results[1].P50Us - results[0].P50Us,8:0.0} µs  p99 {results[1].P99Us - results[0].P99Us,8:0.0} µs"));
        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { tokens, stream, requests, results }));
        }

        return 0;
    }

    private static ModelGateway Gateway(GuardOptions? guards, GuardDependencies dependencies)
    {
        var model = new ModelOptions { Name = "small", Provider = "openai", Endpoint = new Uri("http://127.0.0.1:1/v1"), ProviderModel = "small", ContextWindow = 128_000, MaxOutputTokens = 1_000 };
        var builder = new GatewayBuilder(new GatewayOptions { Models = [model] }) { ProviderClients = _ => new InstantProvider() };
        if (guards is not null)
        {
            builder.UseGuards(guards, dependencies);
        }

        return builder.Build();
    }

    private static async Task OneAsync(IChatClient client, List<ChatMessage> messages, bool stream)
    {
        var options = new ChatOptions { ModelId = "small" };
        if (!stream)
        {
            _ = await client.GetResponseAsync(messages, options);
            return;
        }

        await foreach (var _ in client.GetStreamingResponseAsync(messages, options))
        {
        }
    }

    // A support conversation's worth of ordinary text, with an email, a phone number and a card every few sentences.
    private static (string Text, int Tokens) Prompt(int tokens)
    {
        string[] sentences =
        [
            "My order from last week has still not arrived and the tracking page has not changed for four days.",
            "You can reach me at jane.roe{0}@example.com or on +1 415 555 01{1:00} during office hours.",
            "I paid with the card 4111 1111 1111 1111 and the charge already shows on my statement.",
            "Could you check whether the parcel was handed to the courier, and if not, cancel it and refund me?",
            "The previous agent told me it would take two business days, which was a week ago now.",
        ];
        var counter = new PromptTokenCounter();
        var text = new StringBuilder();
        for (var i = 0; counter.Count(text.ToString()) < tokens; i++)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, sentences[i % sentences.Length], i, i % 100)).Append(' ');
        }

        var prompt = text.ToString().TrimEnd();
        return (prompt, counter.Count(prompt));
    }

    private static Result Summarise(string name, List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Result(name, sorted.Length, At(0.5), At(0.99), At(0.999), times.Average());
    }

    // Answers at once: what is measured is the pipeline, not a provider.
    private sealed class InstantProvider : IChatClient
    {
        public const string Answer = "Thank you for your patience. I checked your order: the parcel left our warehouse on Monday and the courier has it now. "
            + "You should receive it within two business days. If it does not arrive by Friday, reply to this message and we will refund the full amount to your card. "
            + "Is there anything else I can help you with today?";

        private static readonly string[] Words = Answer.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToArray();

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer)) { FinishReason = ChatFinishReason.Stop, Usage = new UsageDetails { InputTokenCount = 2000, OutputTokenCount = 60 } });

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var word in Words)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, word);
            }

            await Task.CompletedTask;
            yield return new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = ChatFinishReason.Stop, Contents = [new UsageContent(new UsageDetails { InputTokenCount = 2000, OutputTokenCount = 60 })] };
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
