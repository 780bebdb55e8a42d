using Grounded.Gateway.Budget;
using Grounded.Gateway.Limits;
using Grounded.Redis;
using Grounded.Gateway.Cache;
using Grounded.Gateway.Config;
using Grounded.Gateway.Guard;
using Grounded.Rag;

namespace Grounded.Hosting;

/// <summary>
/// Everything Grounded is configured with, in one object: the CLI, the server, the benchmarks and the tests all build
/// their stack (<see cref="GroundedStack"/>) from it. The config file and the environment fill it
/// (<see cref="Config.GroundedConfig"/>); a host lays its own flags over it with <c>with</c>.
/// </summary>
public sealed record GroundedOptions
{
    /// <summary>Gets the RAG core's options: where the store is, the embedding model, retrieval, reranking and answers.</summary>
    public LocalRagOptions Rag { get; init; } = new();

    /// <summary>Gets the gateway's options: models, fallbacks, resilience, keys, server limits.</summary>
    /// <value>The default has no models.</value>
    public GatewayOptions Gateway { get; init; } = GatewayOptions.Empty;

    /// <summary>Gets how many chunks a question is answered from when the request does not say.</summary>
    /// <value>The default is 5.</value>
    public int TopK { get; init; } = 5;

    /// <summary>Gets the configured model that answers questions when the request names none; null: the extractive answerer.</summary>
    public string? AskModel { get; init; }

    /// <summary>Gets the configured model (or route) that judges the claims of answers from sources (<c>guards.grounding.judge</c>); null: the local check alone.</summary>
    public string? GroundingJudge { get; init; }

    /// <summary>Gets the config file the options were read from, if any.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Gets the shared Redis (rate limits, budgets and the exact cache's shared level), from <c>redis.url</c> or <c>$GROUNDED_REDIS</c>; not configured: state is kept in process.</summary>
    public RedisOptions Redis { get; init; } = new() { ConnectionString = string.Empty };

    /// <summary>Gets the answer caches (<c>cache:</c>): exact on by default, semantic opt-in; in memory, and in Redis too when it is configured.</summary>
    public CacheOptions Cache { get; init; } = new();

        /// <summary>Gets what rate limits and budgets do while Redis cannot be reached (<c>limits.onRedisFailure</c>).</summary>
    /// <value>The default is <see cref="RateLimitFailure.Local"/>: each replica enforces the limits alone until Redis is back.</value>
    public RateLimitFailure OnRedisFailure { get; init; } = RateLimitFailure.Local;

    /// <summary>Gets the spending budgets (<c>budgets:</c>): per tenant, key or end user, counted in Redis when configured, else in process.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<BudgetOptions> Budgets { get; init; } = [];

    /// <summary>Gets the guards of model requests (<c>guards:</c>, with per-model and per-route overrides): PII, injection, topics, toxicity, schema, moderation, tools.</summary>
    /// <value>The default is none.</value>
    public GuardOptions Guards { get; init; } = GuardOptions.None;

    /// <summary>Gets whether answered questions are recorded in the store's query log (embedding and signals, never the text) for <c>grounded eval drift</c> (<c>evaluation.queryLog</c>).</summary>
    /// <value>The default is true.</value>
    public bool QueryLog { get; init; } = true;

    /// <summary>Gets how long feedback can be given on a response (<c>feedback:</c>).</summary>
    public Feedback.FeedbackOptions Feedback { get; init; } = new();

    /// <summary>Gets what the server measures of its answers beyond counting them (<c>monitoring:</c>): the sampled judge.</summary>
    public Monitoring.MonitoringOptions Monitoring { get; init; } = new();

    /// <summary>Gets the prompt registry's user directory and the environment whose active prompt versions are used (<c>prompts:</c>).</summary>
    public Prompts.PromptsOptions Prompts { get; init; } = new();

    /// <summary>Gets the folder of the agent files the server runs by name (<c>agents.dir</c>, <c>$GROUNDED_AGENTS_DIR</c>, else <c>./agents</c> when it exists); null: none.</summary>
    public string? AgentsDirectory { get; init; }

    /// <summary>Gets the alert rules the server evaluates and the webhooks it tells (<c>alerts:</c>).</summary>
    /// <value>The default is the default rules and no webhooks.</value>
    public Monitoring.AlertsOptions Alerts { get; init; } = new();

    /// <summary>Gets how <c>grounded serve</c> stops on SIGTERM or Ctrl+C (<c>server.shutdownDelay</c>, <c>server.drainTimeout</c>).</summary>
    public ShutdownOptions Shutdown { get; init; } = new();

    /// <summary>
    /// Returns these options with what a host's command line says laid over them (the last word, over the file and the
    /// environment); a setting left null, or false, keeps its configured value.
    /// </summary>
    /// <param name="store">The store location (<c>--store</c>).</param>
    /// <param name="noQuantize">Whether to embed with the float32 model (<c>--no-quantize</c>).</param>
    /// <param name="exact">Whether dense search scans every vector instead of using the HNSW index (<c>--exact</c>).</param>
    public GroundedOptions WithCommandLine(string? store = null, bool noQuantize = false, bool exact = false) => this with
    {
        Rag = Rag with
        {
            Store = store ?? Rag.Store,
            QuantizedEmbeddings = !noQuantize && Rag.QuantizedEmbeddings,
            Ann = exact ? Rag.Ann with { Enabled = false } : Rag.Ann,
        },
    };
}
