using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grounded.Gateway.Context;

namespace Grounded.Server.Requests;

/// <summary>
/// The server's request log line and GenAI metrics (OpenTelemetry semantic conventions): request duration, time to
/// first token, token usage and cost (by route and model, and tokens and cost by tenant and key too), errors by kind,
/// guard triggers by guard and action, all read from the request's <see cref="GatewayContext"/>. Labels are bounded:
/// key ids by the keys table, models and routes by the config, error kinds by <see cref="Errors.ErrorKinds"/>.
/// </summary>
internal sealed class ServerTelemetry
{
    public const string MeterName = "Grounded.Server";
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _firstToken;
    private readonly Histogram<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _cache;
    private readonly Counter<double> _saved;
    private readonly Counter<double> _falseHits;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _guards;

    public ServerTelemetry(IMeterFactory meters, ILoggerFactory logs)
    {
        RequestLog = logs.CreateLogger(ServerLog.Category);
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("gen_ai.server.request.duration", "s", "Time to serve a request, end to end");
        _firstToken = meter.CreateHistogram<double>("gen_ai.server.time_to_first_token", "s", "Time until the first token of a streamed response");
        _tokens = meter.CreateHistogram<long>("gen_ai.server.token.usage", "{token}", "Tokens per request, by type");
        _cost = meter.CreateCounter<double>("grounded.server.cost", "USD", "Cost of the requests' model calls at the configured prices");
        _cache = meter.CreateCounter<long>("grounded.cache.requests", "{request}", "Model requests by cache outcome (exact, semantic, miss, bypass)");
        _saved = meter.CreateCounter<double>("grounded.cache.saved", "USD", "What cache hits saved: the cached answers' original cost");
        _falseHits = meter.CreateCounter<double>("grounded.cache.estimated_false_hits", "{request}",
            "Semantic hits times the matcher's measured false-hit share (1 - its precision on PAWS dev): the expected number of wrong answers served");
        _errors = meter.CreateCounter<long>("grounded.server.errors", "{request}", "Requests that failed, by error.type (bad_request, not_found, rate_limited, budget_exceeded, provider_error, timeout, guard_blocked, ...), route and model");
        _guards = meter.CreateCounter<long>("grounded.guard.triggers", "{decision}", "Guard decisions that acted (anything but allow), by guard and action");
    }

    /// <summary>Gets the request log (created once: LoggerFactory.CreateLogger takes a lock).</summary>
    public ILogger RequestLog { get; }

    /// <summary>Counts a failed request: <paramref name="kind"/> is its <see cref="Errors.ErrorKinds"/> word.</summary>
    public void Failed(GatewayContext context, string kind) =>
        _errors.Add(1, new TagList { { "error.type", kind }, { "grounded.route", context.Route }, { "gen_ai.request.model", context.ServedBy ?? context.RequestedModel ?? "none" } });

    public void Completed(GatewayContext context, int status, TimeSpan duration, string? prompt)
    {
        var model = context.ServedBy ?? context.RequestedModel ?? "none";
        var tags = new TagList { { "gen_ai.request.model", model }, { "grounded.route", context.Route } };
        foreach (var decision in context.Guards)
        {
            if (decision.Action != Guards.GuardActions.Allow)
            {
                _guards.Add(1, new TagList { { "grounded.guard", decision.Guard }, { "grounded.guard.action", decision.Action }, { "grounded.route", context.Route } });
            }
        }

        _duration.Record(duration.TotalSeconds, tags);
        if (context.TimeToFirstToken is { } first)
        {
            _firstToken.Record(first.TotalSeconds, tags);
        }

        var usage = context.Usage;
        if (usage is not null)
        {
            // Spend by tenant and key too (no day label: days come from the ledger, GET /v1/dashboard).
            var spend = new TagList { { "gen_ai.request.model", model }, { "grounded.route", context.Route }, { "grounded.tenant", context.Tenant ?? Access.Tenants.Default }, { "grounded.key", context.Caller ?? "none" } };
            _tokens.Record(usage.InputTokenCount ?? 0, [.. spend, new("gen_ai.token.type", "input")]);
            _tokens.Record(usage.OutputTokenCount ?? 0, [.. spend, new("gen_ai.token.type", "output")]);
            _cost.Add((double)context.Cost, spend);
        }

        if (context.CacheOutcome is { } outcome)
        {
            _cache.Add(1, [.. tags, new("grounded.cache.outcome", outcome)]);
            if (context.SavedCost > 0)
            {
                _saved.Add((double)context.SavedCost, tags);
            }

            if (outcome == Gateway.Context.CacheOutcomes.Semantic)
            {
                _falseHits.Add(1 - Gateway.Cache.SemanticMatcher.MeasuredPrecision, tags);
            }
        }

        if (!RequestLog.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var (input, output, ms) = (usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, duration.TotalMilliseconds);
        var (requested, served) = (context.RequestedModel ?? "none", context.ServedBy ?? "none");
        if (prompt is null)
        {
            ServerLog.Request(RequestLog, context.Route, requested, served, context.Attempts, context.Stream, status, input, output, Math.Round(context.Cost, 6), ms, context.RequestId);
        }
        else
        {
            ServerLog.RequestWithPrompt(RequestLog, context.Route, requested, served, context.Attempts, context.Stream, status, input, output, Math.Round(context.Cost, 6), ms, context.RequestId, prompt);
        }
    }
}
