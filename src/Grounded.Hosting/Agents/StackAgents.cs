using Grounded.Agents.Loop;
using Grounded.Agents.Tools;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Gateway.Budget;
using Grounded.Prompts;
using Grounded.Rag.Verify;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Agents;

/// <summary>The agent runtime on the stack: model calls through its gateway (and ledger), runs in its store, documents from its index.</summary>
internal static class StackAgents
{
    /// <summary>Returns the stack's runtime; <paramref name="environment"/> replaces the tools' environment (the overhead bench's instant documents).</summary>
    public static AgentRuntime Create(GroundedStack stack, TimeProvider time, Func<Grounded.Access.CallerIdentity, ToolEnvironment>? environment = null) => new(new AgentRuntimeOptions
    {
        Chat = stack.Gateway.Client,
        Store = stack.GetAccessAsync,
        Time = time,
        IsModel = name => stack.Gateway.Options.Find(name) is not null || stack.Gateway.Routes.IsRoute(name),
        EstimateCost = (model, messages, maxOutput) => CostEstimate.Of(stack.Gateway.Options, new ChatOptions { ModelId = model, MaxOutputTokens = maxOutput }, stack.Gateway.Tokens.Count(messages)).Amount,
        OutputLimit = (model, requested) => stack.Gateway.Options.ServingModels(model) is { Count: > 0 } models ? Math.Min(requested, models.Min(m => m.MaxOutputTokens)) : requested,
        RecordUsage = (context, elapsed) => stack.RecordUsage(context, 200, elapsed),
        Environment = environment ?? (caller => new ToolEnvironment(caller) { Documents = new StackDocuments(stack) }),
        Instructions = async (reference, ct) =>
        {
            var prompt = await stack.ResolvePromptAsync(reference, cancellationToken: ct).ConfigureAwait(false);
            return (prompt.Template.System.Length > 0 ? prompt.Template.System : prompt.Template.User, prompt.Reference);
        },
        Confidence = (answer, evidence, ct) => ConfidenceAsync(stack, answer, evidence, ct),
    });

    // The local grounding check of RAG answers, on the run's tool results: the mean support of the answer's claims.
    private static async Task<double> ConfidenceAsync(GroundedStack stack, string answer, IReadOnlyList<string> evidence, CancellationToken cancellationToken)
    {
        if (evidence.Count == 0)
        {
            return 0;
        }

        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        var sources = evidence.Select((text, i) => new ScoredChunk(new StoredChunk($"tool-{i + 1}", $"tool-{i + 1}", $"tool result {i + 1}", new Chunk(0, text, 0, text.Length, string.Empty, 0)), 1)).ToList();
        var verified = await new GroundingVerifier(rag.Embedder, new GroundingOptions { Policy = GroundingPolicy.Annotate }).VerifyAsync(new GeneratedAnswer(answer, false, []), sources, cancellationToken: cancellationToken).ConfigureAwait(false);
        return verified.Grounding?.Confidence ?? 0;
    }
}
