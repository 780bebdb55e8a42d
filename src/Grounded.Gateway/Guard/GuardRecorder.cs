using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Grounded.Access;
using Grounded.Gateway.Context;
using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>
/// Records each guard decision in four places, none of which holds the text it is about: the counter
/// <c>grounded.guard.decisions</c> (guard, action, stage), an event on the current trace span (guard, action, reason,
/// span positions), the request's <see cref="GatewayContext.Guards"/> (for the <c>x-grounded-guards</c> header), and,
/// when a guard acted (anything but <c>allow</c>), a line of the audit log with the caller, tenant and request id.
/// </summary>
internal sealed class GuardRecorder(Action<AuditEntry>? audit, TimeProvider time)
{
    /// <summary>The name of the trace event.</summary>
    public const string EventName = "grounded.guard";

    private static readonly Meter Meter = new(ModelGateway.TelemetrySourceName);
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("grounded.guard.decisions", "{decision}", "Guard decisions by guard, action and stage (input, output)");
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("grounded.guard.refusals", "{answer}", "Answers that read as a refusal (\"I can't help with that\"), by model");

    public void Record(GatewayContext? context, string stage, string? model, GuardDecision decision)
    {
        Decisions.Add(1, new TagList { { "grounded.guard", decision.Guard }, { "grounded.guard.action", decision.Action }, { "grounded.guard.stage", stage } });
        if (decision.Guard == GuardNames.Refusal)
        {
            Refusals.Add(1, new KeyValuePair<string, object?>("gen_ai.request.model", model ?? "none"));
        }

        var spans = Spans(decision.Spans);
        Activity.Current?.AddEvent(new ActivityEvent(EventName, tags: new ActivityTagsCollection
        {
            ["grounded.guard"] = decision.Guard,
            ["grounded.guard.action"] = decision.Action,
            ["grounded.guard.stage"] = stage,
            ["grounded.guard.reason"] = decision.Reason,
            ["grounded.guard.spans"] = spans,
        }));
        context?.AddGuard(decision);
        if (audit is not null && decision.Action != GuardActions.Allow)
        {
            var identity = context?.Identity;
            audit(new AuditEntry(time.GetUtcNow(), context?.Caller ?? identity?.KeyId ?? "anonymous", context?.Tenant ?? Tenants.Default,
                $"guard.{decision.Action}", context?.RequestId ?? "none", $"gateway:{context?.Route ?? "library"}")
            {
                Detail = $"guard={decision.Guard} stage={stage} model={model ?? "none"} reason={decision.Reason} spans={spans}",
            });
        }
    }

    /// <summary>Writes spans as <c>start+length:TYPE</c>, comma-separated: positions only.</summary>
    public static string Spans(IReadOnlyList<GuardSpan> spans) =>
        string.Join(',', spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start}+{s.Length}:{s.Type}")));
}
