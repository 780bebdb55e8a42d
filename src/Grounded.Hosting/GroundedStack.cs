using Grounded.Gateway.Budget;
using Grounded.Gateway.Limits;
using Grounded.Hosting.Access;
using Grounded.Redis;
using Grounded.Access;
using System.Runtime.CompilerServices;
using Grounded.Answers;
using Grounded.Gateway;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Guard;
using Grounded.Hosting.Guards;
using Grounded.Gateway.Pipeline;
using Grounded.Gateway.Route;
using Grounded.Hosting.Ask;
using Grounded.Hosting.Caching;
using Grounded.Gateway.Cache;
using Grounded.Hosting.Config;
using Grounded.Hosting.Evaluation;
using Grounded.Hosting.Usage;
using Grounded.Hosting.Feedback;
using Grounded.Hosting.Prompts;
using Grounded.Prompts;
using Grounded.Rag.Prompts;
using Grounded.Rag;
using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Rag.Retrieve;
using Grounded.Rag.Verify;
using Grounded.Storage;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting;

/// <summary>
/// The composition root: the RAG core (store, embedding models, query pipelines, answerers) and the gateway (the one
/// request pipeline in front of the models), built once from one <see cref="GroundedOptions"/>. <c>grounded ask</c> and
/// <c>POST /v1/ask</c> both answer through <see cref="AskAsync"/>, so they take the same options and return the same
/// object; the streamed answer goes through the same pipeline as the whole one.
/// </summary>
public sealed partial class GroundedStack : IAsyncDisposable
{
    private readonly SharedOpen<LocalRag> _rag;
    private readonly SharedOpen<IAccessStore> _access;
    private readonly RedisConnection? _redis;
    private readonly AnswerCaches _caches;
    private readonly TimeProvider _time;
    private readonly GuardDetectors? _detectors;
    private GuardDetectors? _checkDetectors;
    private readonly StackPrompts _prompts;
    private readonly HttpClient _webhooks = new();

    private GroundedStack(GroundedOptions options, ModelGateway gateway, TimeProvider time, RedisConnection? redis, AnswerCaches caches, GuardDetectors? detectors, GuardAuditWriter? guardAudit)
    {
        _detectors = detectors;
        GuardAudit = guardAudit;
        _redis = redis;
        _caches = caches;
        Options = options with { Rag = options.Rag with { Stores = Stores.All } };
        Gateway = gateway;
        // On the thread pool: loading the model is synchronous, and no caller should carry it.
        _rag = new SharedOpen<LocalRag>(() => Task.Run(() => LocalRag.OpenAsync(Options.Rag, CancellationToken.None)), time);
        _access = new SharedOpen<IAccessStore>(() => Options.Rag.Stores.OpenAccessAsync(Options.Rag.Store, time, CancellationToken.None), time);
        Keys = new KeyAuthenticator(options.Gateway.ApiKeyHashes, GetAccessAsync, time);
        _prompts = new StackPrompts(() => Options.Prompts, GetAccessAsync);
        _time = time;
        Ledger = new UsageLedgerWriter(GetAccessAsync, time);
        Receipts = new ResponseReceipts(caches.Exact, options.Feedback.Window, shared: redis is not null);
        QueryLog = options.QueryLog ? new QueryLogWriter(GetRagAsync, GetAccessAsync, time) : null;
        Agents = Hosting.Agents.StackAgents.Create(this, time); // captures the stack's callbacks; opens nothing
        Monitoring = new Monitoring.MonitoringSeriesBuilder(Hosting.Monitoring.MonitoringSources.Of(GetAccessAsync));
        RateLimits = new KeyRateLimits(_redis is null
            ? new TokenBucketLimiter(time)
            : new FailoverRateLimiter(new RedisRateLimiter(_redis), RedisRateLimiter.IsOutage, options.OnRedisFailure, time));
    }

    /// <summary>The most tokens a model may write for an answer from sources (<c>/v1/ask</c>, <c>grounded ask --model</c>).</summary>
    public const int AnswerMaxOutputTokens = 1024;

    /// <summary>Gets the authenticator that turns a request's key into its caller's identity.</summary>
    public KeyAuthenticator Keys { get; }

    /// <summary>Gets the per-key request and token limits (in Redis when configured, else in process).</summary>
    public KeyRateLimits RateLimits { get; }

    /// <summary>Gets the usage ledger's writer: each model request's row, written off the request path to the store's ledger.</summary>
    public UsageLedgerWriter Ledger { get; }

    /// <summary>Gets the receipts of recent answers and completions (for the feedback window), which feedback is filled from.</summary>
    public ResponseReceipts Receipts { get; }

    /// <summary>Gets the query log's writer (null when <c>evaluation.queryLog</c> is off): each answered question's embedding and signals, for drift reports.</summary>
    public QueryLogWriter? QueryLog { get; }

    /// <summary>Gets the writer of the guards' audit lines (null when no guard is configured).</summary>
    public GuardAuditWriter? GuardAudit { get; }

    /// <summary>Gets the options the stack was built from.</summary>
    public GroundedOptions Options { get; }

    /// <summary>Gets the gateway: every configured model behind the one request pipeline.</summary>
    public ModelGateway Gateway { get; }

    /// <summary>Gets the prompt registry: the built-in prompts and the user's prompts directory, loaded and checked on first use (throws <see cref="PromptRegistryException"/> listing every problem).</summary>
    public PromptRegistry Prompts => _prompts.Registry;

    /// <summary>
    /// Returns the prompt version <paramref name="reference"/> names: its version when it names one, else the version active in
    /// <paramref name="environment"/> (the configured one when null), else the built-in default (a built-in id) or the newest
    /// release (a user's id; never a pre-release). Throws <see cref="PromptNotFoundException"/> naming it.
    /// </summary>
    public async Task<PromptVersion> ResolvePromptAsync(PromptReference reference, string? environment = null, CancellationToken cancellationToken = default) =>
        (await _prompts.ResolveAsync(reference, environment, cancellationToken).ConfigureAwait(false)).Prompt;

    /// <summary>Resolves like <see cref="ResolvePromptAsync"/>, and says why that version (<c>prompts show</c>).</summary>
    public Task<PromptResolution> ExplainPromptAsync(PromptReference reference, string? environment = null, CancellationToken cancellationToken = default) =>
        _prompts.ResolveAsync(reference, environment, cancellationToken);

    /// <summary>
    /// Returns what scores prompt versions for the promotion gate: each version's evaluation data set run through it, as
    /// <c>grounded eval run</c> does (<see cref="DatasetPromptEvaluator"/>): <c>grounded-answer</c> through <see cref="AskAsync"/>
    /// with that version pinned, any other prompt rendered with each question and sent to its model.
    /// </summary>
    public IPromptEvaluator CreatePromptEvaluator() => new DatasetPromptEvaluator(this);

    /// <summary>Gets the agent runtime: runs whose model calls go through <see cref="Gateway"/>, kept in the store, with the document tools on this store.</summary>
    public Grounded.Agents.Loop.AgentRuntime Agents { get; }

    /// <summary>Gets whether the store and model are open (the first question or upload opens them).</summary>
    public bool IsRagOpen => _rag.IsOpen;

    /// <summary>
    /// Builds the stack, with the configured budgets (counted in Redis when it is configured); <paramref name="gateway"/> adds request
    /// stages to the gateway (identity, limits, guards, caches) before it is built.
    /// </summary>
    public static GroundedStack Create(GroundedOptions options, Action<GatewayBuilder>? gateway = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var redis = options.Redis.IsConfigured ? new RedisConnection(options.Redis) : null;
        var caches = AnswerCaches.Create(options.Cache, redis, time);
        try
        {
            return Build(options, gateway, time, redis, caches);
        }
        catch
        {
            caches.DisposeAsync().AsTask().GetAwaiter().GetResult();
            redis?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    private static GroundedStack Build(GroundedOptions options, Action<GatewayBuilder>? gateway, TimeProvider time, RedisConnection? redis, AnswerCaches caches)
    {
        var builder = new GatewayBuilder(options.Gateway) { Time = time }
            .UseRoutes()
            .UseBudgets(options.Budgets, redis is null ? null : new FailoverBudgetStore(new RedisBudgetStore(redis), RedisRateLimiter.IsOutage, options.OnRedisFailure, time));
        if (options.Cache.Exact)
        {
            builder.UseExactCache(caches.Exact, options.Cache);
        }

        if (options.Cache.Semantic)
        {
            builder.UseSemanticCache(caches.Embedder, caches.Semantic, options.Cache);
        }

        // The guards' audit lines go to the store's audit log, which the stack opens: reached once the stack exists.
        GroundedStack? built = null;
        var detectors = options.Guards.IsEmpty ? null : GuardDetectors.Create(options.Rag.QuantizedEmbeddings);
        var audit = detectors is null ? null : new GuardAuditWriter(async ct => await built!.GetAccessAsync(ct).ConfigureAwait(false), time);
        if (detectors is not null)
        {
            builder.UseGuards(options.Guards, new GuardDependencies(detectors.Pii, detectors.Injection, detectors.Embedder) { Audit = audit!.Add, Time = time });
        }

        gateway?.Invoke(builder);
        var stack = built = new GroundedStack(options, builder.Build(), time, redis, caches, detectors, audit);
        caches.Embedder.Source = stack.GetRagAsync;
        if (detectors is not null)
        {
            detectors.Source = stack.GetRagAsync;
        }

        return stack;
    }

    /// <summary>
    /// Opens the store and loads the embedding model on first use, once, for every caller: a caller's cancellation ends
    /// only its own wait, never the shared open. A failed open is tried again once a few seconds have passed.
    /// </summary>
    public Task<LocalRag> GetRagAsync(CancellationToken cancellationToken = default) => _rag.GetAsync(cancellationToken);

    /// <summary>
    /// Opens the store's API keys and audit log on first use, once (no embedding model is loaded); a failed open is tried
    /// again once a few seconds have passed.
    /// </summary>
    public Task<IAccessStore> GetAccessAsync(CancellationToken cancellationToken = default) => _access.GetAsync(cancellationToken);

    /// <summary>Checks a request against the configuration without opening anything; throws <see cref="InvalidRequestException"/> naming the field at fault.</summary>
    public void Validate(AskRequest request) => _ = Resolve(request, null, (PinnedPrompt(request), null));

    /// <summary>Answers a question with citations, or abstains; throws <see cref="InvalidRequestException"/> for a bad request before any work.</summary>
    public Task<GroundedAnswer> AskAsync(AskRequest request, GatewayContext? context = null, CancellationToken cancellationToken = default) =>
        AskAsync(request, context, logQuery: true, cancellationToken);

    // Evaluation traffic (the promotion gate's runs) answers with logQuery false: it is not traffic, and must not show up as drift.
    internal async Task<GroundedAnswer> AskAsync(AskRequest request, GatewayContext? context, bool logQuery, CancellationToken cancellationToken)
    {
        var (question, topK, query) = Resolve(request, context, await ActivePromptsAsync(request, cancellationToken).ConfigureAwait(false));
        var rag = await GetRagAsync(cancellationToken).ConfigureAwait(false);
        var answer = Presented(await rag.QueryWith(query).AskAsync(question, topK, cancellationToken).ConfigureAwait(false));
        if (logQuery)
        {
            QueryLog?.Add(answer, context);
            await Receipts.KeepAsync(AnswerReceipts.Of(answer, context)).ConfigureAwait(false);
        }

        return answer;
    }

    /// <summary>
    /// Lists the chunks most relevant to the request's question, best first: the same request and checks as
    /// <see cref="AskAsync"/> without an answer (its model is not used). Sentence reranking is off unless the request
    /// asks for it: it picks evidence for answers but lowers document ranking quality.
    /// </summary>
    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(AskRequest request, GatewayContext? context = null, CancellationToken cancellationToken = default)
    {
        var (question, topK, query) = Retrieval(request, context);
        var rag = await GetRagAsync(cancellationToken).ConfigureAwait(false);
        return await rag.QueryWith(query with { RerankCandidates = request.Rerank ?? 0 }).SearchAsync(question, topK, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers like <see cref="AskAsync"/>, as the answer is written: pieces of text, then the whole answer.</summary>
    public async IAsyncEnumerable<AskUpdate> AskStreamingAsync(AskRequest request, GatewayContext? context = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (question, topK, query) = Resolve(request, context, await ActivePromptsAsync(request, cancellationToken).ConfigureAwait(false));
        var rag = await GetRagAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in rag.QueryWith(query).AskStreamingAsync(question, topK, cancellationToken).ConfigureAwait(false))
        {
            if (update.Answer is { } answer)
            {
                var presented = Presented(answer);
                QueryLog?.Add(presented, context);
                await Receipts.KeepAsync(AnswerReceipts.Of(presented, context)).ConfigureAwait(false);
                yield return AskUpdate.Final(presented);
            }
            else
            {
                yield return update;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="policy"/>'s input guards on one text outside any request (<c>grounded guard check</c>), with the
    /// stack's detectors (made for the check when no guards are configured) and its gateway for moderation.
    /// </summary>
    public Task<(IReadOnlyList<Grounded.Guards.GuardDecision> Decisions, string Text)> CheckGuardsAsync(string text, GuardPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var detectors = _detectors ?? (_checkDetectors ??= GuardDetectors.Create(Options.Rag.QuantizedEmbeddings));
        var dependencies = new GuardDependencies(detectors.Pii, detectors.Injection, detectors.Embedder) { Time = _time };
        return GuardChecks.CheckAsync(text, policy, dependencies, policy.Moderation is null ? null : Gateway.Client, cancellationToken);
    }

    /// <summary>Records a finished request in the usage ledger (nothing when it used no model).</summary>
    public void RecordUsage(GatewayContext context, int status, TimeSpan elapsed)
    {
        if (UsageRecords.From(context, status, elapsed, _time.GetUtcNow()) is { } record)
        {
            Ledger.Add(record);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _webhooks.Dispose();
        if (QueryLog is not null)
        {
            await QueryLog.DisposeAsync().ConfigureAwait(false);
        }

        await Ledger.DisposeAsync().ConfigureAwait(false);
        if (GuardAudit is not null)
        {
            await GuardAudit.DisposeAsync().ConfigureAwait(false);
        }

        Gateway.Dispose();
        _detectors?.Dispose();
        _checkDetectors?.Dispose();
        await _caches.DisposeAsync().ConfigureAwait(false);
        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }

        await _access.DisposeAsync().ConfigureAwait(false);
        await _rag.DisposeAsync().ConfigureAwait(false);
    }

    // Scores to four decimals: what the CLI prints and the API returns alike.
    private static GroundedAnswer Presented(GroundedAnswer answer) =>
        answer with { Id = AnswerReceipts.NewId(), Citations = answer.Citations.Select(c => c with { Score = Math.Round(c.Score, 4) }).ToList() };

    // The answer and grounding-judge prompts a request uses (read from the store when a model will use them: a switch takes
    // effect on the next question); the built-in defaults otherwise.
    private Task<(PromptVersion? Answer, PromptVersion? Judge)> ActivePromptsAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var pinned = PinnedPrompt(request);
        var answers = !string.IsNullOrEmpty(request.Model) || pinned?.Model is not null || Options.AskModel is not null;
        // The judge checks extractive answers too: its prompt is the active one whenever a judge model is configured.
        var judges = Options.GroundingJudge is not null && Options.Rag.Grounding.Policy != GroundingPolicy.Off;
        return _prompts.ForAskAsync(request, pinned, answers, judges, cancellationToken);
    }

    private PromptVersion? PinnedPrompt(AskRequest request) => PinnedPrompts.Find(Prompts, request);

    // Checks the request against the configuration before anything is opened or called, and names its answerer.
    private (string Question, int TopK, QueryOptions Query) Resolve(AskRequest request, GatewayContext? context, (PromptVersion? Answer, PromptVersion? Judge) prompts)
    {
        var (question, topK, query) = Retrieval(request, context);
        var pinned = request.Prompt is null ? null : prompts.Answer;
        var model = !string.IsNullOrEmpty(request.Model) ? request.Model : pinned?.Model ?? Options.AskModel;
        if (request.Prompt is not null && model is null)
        {
            throw new InvalidRequestException(
                $"The prompt {pinned?.Reference ?? request.Prompt} needs a model to write answers, and none is named: pass a model, add model: to the prompt's file, or configure rag.model (the extractive answerer uses no prompt)", "prompt");
        }

        Stages.IAnswerGenerator? answerer = null;
        Stages.IAnswerGenerator? sampler = null;
        int? budget = null;
        if (model is not null)
        {
            if (Gateway.Options.Find(model) is null && !Gateway.Routes.IsRoute(model))
            {
                throw InvalidRequestException.UnknownModel(model, Gateway.Options.Names);
            }

            // An answer from sources is short: its output is capped, so budgets and context checks do not reserve a model's whole output window.
            // The answer prompt's parameters apply (temperature 0 and the cap when it sets none).
            var cap = Math.Min(prompts.Answer?.Parameters.MaxTokens ?? AnswerMaxOutputTokens, AnswerMaxOutputTokens);
            var options = new ChatOptions
            {
                Temperature = (float)(prompts.Answer?.Parameters.Temperature ?? 0), TopP = (float?)prompts.Answer?.Parameters.TopP, ModelId = model,
                MaxOutputTokens = Math.Min(Gateway.Options.Find(model)?.MaxOutputTokens ?? cap, cap),
            };
            answerer = new ChatAnswerGenerator(Gateway.Client, model, context?.AttachTo(options) ?? options, prompts.Answer);
            budget = ContextBudget(model);
            if (Options.Rag.Grounding is { Policy: not GroundingPolicy.Off, Samples: > 0 })
            {
                // Self-consistency samples must be written afresh: never served from (or stored in) the answer caches.
                var sampling = options.Clone();
                sampling.Temperature = 0.3f;
                sampling.AdditionalProperties = new AdditionalPropertiesDictionary { [CacheKeys.NoCacheKey] = false };
                sampler = new ChatAnswerGenerator(Gateway.Client, model, context?.AttachTo(sampling) ?? sampling, prompts.Answer);
            }
        }

        var judge = Options.GroundingJudge is { } judgeModel && Options.Rag.Grounding.Policy != GroundingPolicy.Off
            ? new GroundingJudge(Gateway.Client, judgeModel, context?.AttachTo(new ChatOptions { ModelId = judgeModel, Temperature = 0 }) ?? new ChatOptions { ModelId = judgeModel, Temperature = 0 }, prompts.Judge)
            : null;

        if (context is not null)
        {
            context.RequestedModel = model;
            context.Stream = request.Stream;
            context.PromptId = answerer is ChatAnswerGenerator chat ? chat.Prompt.Reference : context.PromptId;
        }

        return (question, topK, query with
        {
            Answerer = answerer, ContextBudget = budget, CountTokens = budget is null ? null : Gateway.Tokens.Count, GroundingJudge = judge, GroundingSampler = sampler,
        });
    }

    // A model's context budget; for a route, the smallest of its models' (its model is chosen later, in the gateway, and
    // evidence that fits the smallest fits whichever it picks).
    private int? ContextBudget(string model) =>
        Gateway.Options.ServingModels(model) is { Count: > 0 } models ? models.Min(m => m.ContextBudget) : null;

    // The retrieval half of a request, checked: what ask and search share.
    private (string Question, int TopK, QueryOptions Query) Retrieval(AskRequest request, GatewayContext? context) =>
        RetrievalRequest.Check(request, Options.TopK, context?.Identity);
}
