namespace Grounded.Hosting.Config;

// The YAML file as written: every value optional and loosely typed, so that validation can list every problem at once.
#pragma warning disable CA2227, CA1056 // YamlDotNet needs settable collections and string URLs.
internal sealed class ConfigDocument
{
    public string? Store { get; set; }
    public RagDocument Rag { get; set; } = new();
    public List<ModelDocument> Models { get; set; } = [];
    public Dictionary<string, List<string>> Fallbacks { get; set; } = [];
    public ResilienceDocument Resilience { get; set; } = new();
    public AuthDocument Auth { get; set; } = new();
    public ServerDocument Server { get; set; } = new();
    public RedisDocument Redis { get; set; } = new();
    public LimitsDocument Limits { get; set; } = new();
    public List<BudgetDocument> Budgets { get; set; } = [];
    public CacheDocument Cache { get; set; } = new();
    public Dictionary<string, RouteDocument?> Routes { get; set; } = [];
    public GuardsDocument Guards { get; set; } = new();
    public EvaluationDocument Evaluation { get; set; } = new();

    public PromptsDocument Prompts { get; set; } = new();

    public AgentsDocument Agents { get; set; } = new();

    public FeedbackDocument Feedback { get; set; } = new();

    public MonitoringDocument Monitoring { get; set; } = new();

    public AlertsDocument Alerts { get; set; } = new();
}

internal sealed class AlertsDocument
{
    public bool? Enabled { get; set; }
    public List<string> Webhooks { get; set; } = [];
    public string? Interval { get; set; }
    public string? RepeatAfter { get; set; }
    public List<AlertRuleDocument>? Rules { get; set; }
}

internal sealed class AlertRuleDocument
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Severity { get; set; }
    public string? Threshold { get; set; }
    public double? Factor { get; set; }
    public double? Drop { get; set; }
    public string? Window { get; set; }
    public string? Baseline { get; set; }
    public long? MinCount { get; set; }
    public decimal? MinUsd { get; set; }
    public string? Metric { get; set; }
}

internal sealed class AgentsDocument
{
    public string? Dir { get; set; }
}

internal sealed class PromptsDocument
{
    public string? Dir { get; set; }
    public string? Environment { get; set; }
}

internal sealed class CacheDocument
{
    public bool? Exact { get; set; }
    public bool? Semantic { get; set; }
    public double? Threshold { get; set; }
    public string? Ttl { get; set; }
    public bool? Sampled { get; set; }
    public int? SemanticEntriesPerScope { get; set; }
}

internal sealed class RagDocument
{
    public bool? Quantize { get; set; }
    public string? Mode { get; set; }
    public int? TopK { get; set; }
    public int? Rerank { get; set; }
    public double? Mmr { get; set; }
    public bool? CorrectSpelling { get; set; }
    public string? Abstention { get; set; }
    public string? Model { get; set; }
    public AnnDocument Ann { get; set; } = new();
}

internal sealed class AnnDocument
{
    public bool? Enabled { get; set; }
    public int? MinVectors { get; set; }
    public int? EfSearch { get; set; }
}

internal sealed class ModelDocument
{
    public string? Name { get; set; }
    public string? Provider { get; set; }
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKeyEnv { get; set; }
    public int? ContextWindow { get; set; }
    public int? MaxOutputTokens { get; set; }
    public string? Encoding { get; set; }
    public int? ContextBudget { get; set; }
    public PriceDocument Price { get; set; } = new();
    public GuardsDocument? Guards { get; set; }
}

internal sealed class PriceDocument
{
    public double? InputPerMTok { get; set; }
    public double? OutputPerMTok { get; set; }
    public double? CachedInputPerMTok { get; set; }
}

internal sealed class ResilienceDocument
{
    public RetryDocument Retry { get; set; } = new();
    public CircuitBreakerDocument CircuitBreaker { get; set; } = new();
    public string? AttemptTimeout { get; set; }
    public string? TotalTimeout { get; set; }
}

internal sealed class RetryDocument
{
    public int? MaxAttempts { get; set; }
    public string? BaseDelay { get; set; }
    public string? MaxDelay { get; set; }
    public double? Jitter { get; set; }
}

internal sealed class CircuitBreakerDocument
{
    public int? FailureThreshold { get; set; }
    public string? BreakDuration { get; set; }
}

internal sealed class AuthDocument
{
    public List<string> Keys { get; set; } = [];
}

internal sealed class ServerDocument
{
    public long? MaxRequestBodyBytes { get; set; }
    public long? MaxUploadBytes { get; set; }
    public bool? LogPrompts { get; set; }
    public string? ShutdownDelay { get; set; }
    public string? DrainTimeout { get; set; }
}

internal sealed class RedisDocument
{
    public string? Url { get; set; }
    public string? KeyPrefix { get; set; }
}

internal sealed class LimitsDocument
{
    public string? OnRedisFailure { get; set; }
}
internal sealed class BudgetDocument
{
    public string? Scope { get; set; }
    public string? Match { get; set; }
    public long? MaxTokensPerRequest { get; set; }
    public decimal? UsdPerDay { get; set; }
    public decimal? UsdPerMonth { get; set; }
}

internal sealed class RouteDocument
{
    public Dictionary<string, string?> Classes { get; set; } = [];
    public string? Default { get; set; }
    public int? LongAboveTokens { get; set; }
    public int? LongOutputAboveTokens { get; set; }
    public int? ConversationAboveTurns { get; set; }
    public double? MultilingualAboveShare { get; set; }
    public GuardsDocument? Guards { get; set; }
}
#pragma warning restore CA2227, CA1056
