using System.Diagnostics;
using Grounded.Access;
using Grounded.Gateway.Context;
using Grounded.Gateway.Guard;
using Grounded.Guards;

namespace Grounded.Gateway.Tests.Guard;

public sealed class GuardRecorderTests
{
    [Fact]
    public void ADecisionBecomesATraceEventWithPositionsAndNoText()
    {
        using var source = new ActivitySource("guard-recorder-test");
        using var listener = new ActivityListener { ShouldListenTo = s => s.Name == source.Name, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(listener);
        var audit = new List<AuditEntry>();
        var context = new GatewayContext("chat", "req_9") { Identity = new CallerIdentity("key_1", "acme", Role.Reader, null) };

        using (var activity = source.StartActivity("request"))
        {
            new GuardRecorder(audit.Add, TimeProvider.System).Record(context, "input", "small", new GuardDecision("pii", GuardActions.Redact, "1 EMAIL_ADDRESS", [new GuardSpan(6, 17, "EMAIL_ADDRESS")]));

            var e = Assert.Single(activity!.Events);
            Assert.Equal(GuardRecorder.EventName, e.Name);
            var tags = e.Tags.ToDictionary(t => t.Key, t => t.Value?.ToString());
            Assert.Equal("pii", tags["grounded.guard"]);
            Assert.Equal("redact", tags["grounded.guard.action"]);
            Assert.Equal("input", tags["grounded.guard.stage"]);
            Assert.Equal("6+17:EMAIL_ADDRESS", tags["grounded.guard.spans"]);
        }

        var line = Assert.Single(audit);
        Assert.Equal(("key_1", "acme", "guard.redact", "req_9"), (line.Actor, line.Tenant, line.Action, line.Target));
        Assert.Single(context.Guards);
    }
}
