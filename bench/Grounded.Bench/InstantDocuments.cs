using Grounded.Agents.Tools;

namespace Grounded.Bench;

/// <summary>Documents that answer at once with one passage: <c>search_documents</c> as a no-op tool, its own time clocked.</summary>
internal sealed class InstantDocuments(StepClock clock) : IAgentDocuments
{
    private static readonly DocumentPassage Passage = new("doc-1", "relay.md", "Relay", "The beacon restarts every 40 minutes.", 0.9);

    public Task<IReadOnlyList<DocumentPassage>> SearchAsync(Grounded.Access.CallerIdentity caller, string query, int topK, CancellationToken cancellationToken) =>
        Task.FromResult(clock.Time<IReadOnlyList<DocumentPassage>>(model: false, () => [Passage]));

    public Task<DocumentText?> GetAsync(Grounded.Access.CallerIdentity caller, string documentId, int maxChars, CancellationToken cancellationToken) =>
        Task.FromResult<DocumentText?>(null);
}
