using System.Text;
using Grounded.Access;
using Grounded.Agents.Tools;
using Grounded.Gateway.Context;
using Grounded.Hosting.Ask;

namespace Grounded.Hosting.Agents;

/// <summary>The document tools' view of the stack's store: the same hybrid retrieval as <c>/v1/search</c>, scoped to the run's caller.</summary>
internal sealed class StackDocuments(GroundedStack stack) : IAgentDocuments
{
    public async Task<IReadOnlyList<DocumentPassage>> SearchAsync(CallerIdentity caller, string query, int topK, CancellationToken cancellationToken)
    {
        var context = new GatewayContext("agent") { Identity = caller };
        var hits = await stack.SearchAsync(new AskRequest { Question = query, TopK = topK }, context, cancellationToken).ConfigureAwait(false);
        return [.. hits.Select(h => new DocumentPassage(h.Chunk.DocumentId, h.Chunk.Source, h.Chunk.Chunk.HeadingPath, h.Chunk.Chunk.Text, Math.Round(h.Score, 4)))];
    }

    public async Task<DocumentText?> GetAsync(CallerIdentity caller, string documentId, int maxChars, CancellationToken cancellationToken)
    {
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        if (await rag.Store.GetDocumentAsync(documentId, cancellationToken).ConfigureAwait(false) is not { } document || !caller.Scope(null).Matches(document))
        {
            return null;
        }

        // The text as stored (after any PII redaction at ingestion), not the file: chunks in order, their overlaps taken once.
        var text = new StringBuilder();
        var end = 0L;
        foreach (var chunk in (await rag.Store.GetChunksAsync(documentId, cancellationToken).ConfigureAwait(false)).OrderBy(c => c.Chunk.Ordinal))
        {
            var c = chunk.Chunk;
            var skip = (int)Math.Clamp(end - c.StartOffset, 0, c.Text.Length);
            text.Append(skip == 0 && text.Length > 0 ? "\n\n" : string.Empty).Append(c.Text.AsSpan(skip));
            end = Math.Max(end, c.EndOffset);
            if (text.Length > maxChars)
            {
                break;
            }
        }

        var truncated = text.Length > maxChars;
        return new DocumentText(document.Id, document.Source, truncated ? text.ToString(0, maxChars) : text.ToString(), truncated);
    }
}
