using Grounded.Access;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Tests.Tools;

/// <summary>Documents per tenant in memory: a search returns the tenant's passages containing any word of the query, in order.</summary>
internal sealed class FakeAgentDocuments : IAgentDocuments
{
    private readonly List<(string Tenant, DocumentPassage Passage)> _passages = [];

    /// <summary>Gets the calls made, as "search tenant query topK" or "get tenant id maxChars".</summary>
    public List<string> Calls { get; } = [];

    public FakeAgentDocuments Add(string tenant, string documentId, string text, string heading = "Intro", double score = 0.5)
    {
        _passages.Add((tenant, new DocumentPassage(documentId, documentId + ".md", heading, text, score)));
        return this;
    }

    public Task<IReadOnlyList<DocumentPassage>> SearchAsync(CallerIdentity caller, string query, int topK, CancellationToken cancellationToken)
    {
        Calls.Add($"search {caller.Tenant} {query} {topK}");
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlyList<DocumentPassage> found = [.. _passages
            .Where(p => p.Tenant == caller.Tenant && words.Any(w => p.Passage.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Passage)
            .Take(topK)];
        return Task.FromResult(found);
    }

    public Task<DocumentText?> GetAsync(CallerIdentity caller, string documentId, int maxChars, CancellationToken cancellationToken)
    {
        Calls.Add($"get {caller.Tenant} {documentId} {maxChars}");
        var parts = _passages.Where(p => p.Tenant == caller.Tenant && p.Passage.DocumentId == documentId).Select(p => p.Passage).ToList();
        if (parts.Count == 0)
        {
            return Task.FromResult<DocumentText?>(null);
        }

        var text = string.Join("\n\n", parts.Select(p => p.Text));
        return Task.FromResult<DocumentText?>(new DocumentText(documentId, parts[0].Source, text.Length > maxChars ? text[..maxChars] : text, text.Length > maxChars));
    }
}
