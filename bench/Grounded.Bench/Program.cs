// Macro benchmarks and calibration harnesses. Each writes its figures to stdout (and --json to a file when asked).
// Run: dotnet run -c Release --project bench/Grounded.Bench -- <harness> [options]
using Grounded.Bench;

var harnesses = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["answers"] = AnswerQuality.RunAsync,
    ["abstain-features"] = AbstentionFeatureDump.RunAsync,
    ["abstain-fit"] = AbstentionFit.RunAsync,
    ["legs"] = RetrievalLegs.RunAsync,
    ["embed"] = EmbeddingThroughput.RunAsync,
    ["stores"] = StoreIngestion.RunAsync,
    ["usearch-insert"] = UsearchInsertRate.RunAsync,
    ["hybrid-latency"] = HybridLatency.RunAsync,
    ["tenant-ann"] = TenantAnn.RunAsync,
    ["identity-overhead"] = IdentityOverhead.RunAsync,
    ["cache-lookup"] = CacheLookup.RunAsync,
    ["compression"] = Compression.RunAsync,
    ["budget-overspend"] = BudgetOverspend.RunAsync,
    ["route-decision"] = RouteDecisionLatency.RunAsync,
    ["guard-overhead"] = GuardOverhead.RunAsync,
    ["grounding"] = GroundingBench.RunAsync,
    ["pii-latency"] = PiiLatency.RunAsync,
    ["train-injection"] = InjectionTraining.RunAsync,
    ["injection-probe"] = InjectionProbe.RunAsync,
    ["injection-latency"] = InjectionLatency.RunAsync,
    ["agent-split"] = AgentSplitCost.RunAsync,
    ["agent-overhead"] = AgentOverhead.RunAsync,
    ["agent-tasks"] = AgentTasks.RunAsync,
    ["web-page"] = WebPageWeight.RunAsync,
};

if (args.Length == 0 || !harnesses.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Grounded.Bench <{string.Join("|", harnesses.Keys)}> [options]");
    return 1;
}

return await run(args[1..]);
