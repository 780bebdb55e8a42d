using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Grounded.Bench.Load.Traffic;

/// <summary>The kinds of request the rig sends, each with its share of the traffic.</summary>
internal enum Kind
{
    Chat,
    ChatStream,
    AskWithModel,
    Ask,
    Embeddings,
    Upload,
}

/// <summary>
/// The traffic mix: which kind each request is and what it says. A share <see cref="HitRate"/> of the requests that call
/// a model (chat, streamed chat, /v1/ask with a model) repeat a request from a small warmed set, so the exact cache answers
/// them; the others are new. Seeded, so two runs send the same sequence.
/// </summary>
internal sealed class Mix(double hitRate, IReadOnlyDictionary<Kind, int> weights, int seed = 42)
{
    public static readonly IReadOnlyDictionary<Kind, int> DefaultWeights = new Dictionary<Kind, int>
    {
        [Kind.Chat] = 30,
        [Kind.ChatStream] = 25,
        [Kind.AskWithModel] = 15,
        [Kind.Ask] = 10,
        [Kind.Embeddings] = 19,
        [Kind.Upload] = 1,
    };

    public static readonly string[] Questions =
    [
        "How does the gateway fail over to another model?",
        "What does the circuit breaker do?",
        "How are API keys stored?",
        "What is the default chunk size?",
        "How do budgets work with Redis?",
        "Which file formats can be ingested?",
        "What does /readyz report?",
        "How does hybrid retrieval fuse the two lists?",
        "When should I move to PostgreSQL?",
        "How does the exact cache decide a request is identical?",
        "What happens when Redis is unreachable?",
        "How are prompts promoted?",
        "What does the PII guard redact?",
        "How do I create an API key for a tenant?",
        "What does grounded eval drift report?",
        "How are citations numbered?",
    ];

    private static readonly string[] Words = "gateway retry budget tenant replica index vector chunk answer citation cache model stream token latency provider store query document evidence".Split(' ');
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly int _total = weights.Values.Sum();
    private readonly Random _random = new(seed);
    // New requests are numbered from a base that differs run to run: the Redis cache outlives a run (append-only), and a
    // later phase must not find an earlier phase's "new" requests cached.
    private static long s_unique = DateTime.UtcNow.Ticks / 10_000;

    public double HitRate => hitRate;

    /// <summary>Parses <c>chat=30,chat-stream=25,ask-model=15,ask=10,embeddings=19,upload=1</c> (kinds left out get no share).</summary>
    public static IReadOnlyDictionary<Kind, int> ParseWeights(string text)
    {
        var weights = new Dictionary<Kind, int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=');
            var kind = Enum.GetValues<Kind>().Where(k => Summary.Name(k) == pair[0]).Select(k => (Kind?)k).FirstOrDefault()
                ?? throw new FormatException($"--mix: unknown kind '{pair[0]}' (chat, chat-stream, ask-model, ask, embeddings, upload)");
            weights[kind] = pair.Length == 2 && int.TryParse(pair[1], out var share) && share > 0 ? share : throw new FormatException($"--mix: '{part}' needs a positive share, e.g. {pair[0]}=10");
        }

        return weights;
    }

    public static bool CallsModel(Kind kind) => kind is Kind.Chat or Kind.ChatStream or Kind.AskWithModel;

    /// <summary>Picks the next request's kind and whether it repeats a warmed one (called from the one sender thread).</summary>
    public (Kind Kind, int? Warm, long Unique) Next()
    {
        var roll = _random.Next(_total);
        var kind = weights.First(w => (roll -= w.Value) < 0).Key;
        int? warm = CallsModel(kind) && _random.NextDouble() < hitRate ? _random.Next(WarmSetSize) : null;
        return (kind, warm, Interlocked.Increment(ref s_unique));
    }

    public const int WarmSetSize = 16;

    public static HttpRequestMessage Build(Uri replica, Kind kind, int? warm, long unique)
    {
        return kind switch
        {
            Kind.Chat or Kind.ChatStream => JsonPost(replica, "/v1/chat/completions", Chat(warm is { } w ? $"Summarise in one sentence what a replica of a search service does when its cache holds answer number {w}." : $"Summarise note {unique}: {Sentence(unique, 24)}", kind == Kind.ChatStream)),
            Kind.AskWithModel => JsonPost(replica, "/v1/ask", new JsonObject { ["question"] = warm is { } q ? Questions[q] : $"{Questions[unique % Questions.Length]} (case {unique})", ["model"] = "small" }),
            Kind.Ask => JsonPost(replica, "/v1/ask", new JsonObject { ["question"] = Questions[unique % Questions.Length] }),
            Kind.Embeddings => JsonPost(replica, "/v1/embeddings", new JsonObject { ["model"] = "local", ["input"] = new JsonArray(Sentence(unique, 16), Sentence(unique + 7, 16)) }),
            Kind.Upload => Upload(replica, unique),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public static JsonObject Chat(string prompt, bool stream, int maxTokens = 120)
    {
        var body = new JsonObject
        {
            ["model"] = "small",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt }),
            ["max_tokens"] = maxTokens,
            ["temperature"] = 0, // an application that wants repeatable answers, and the only requests the exact cache serves by default
        };
        if (stream)
        {
            body["stream"] = true;
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return body;
    }

    public static HttpRequestMessage JsonPost(Uri replica, string path, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, path)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString())) };
        request.Content.Headers.ContentType = Json;
        return request;
    }

    private static HttpRequestMessage Upload(Uri replica, long unique)
    {
        var text = $"# Field note {unique}\n\n{Sentence(unique, 60)}.\n\n## Details\n\n{Sentence(unique * 31, 80)}.\n";
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", $"load-note-{unique}.md" } };
        return new HttpRequestMessage(HttpMethod.Post, new Uri(replica, "/v1/documents")) { Content = form };
    }

    private static string Sentence(long seed, int words)
    {
        var random = new Random((int)(seed % int.MaxValue));
        return string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + $" {seed}";
    }
}
