using Grounded.Access;

namespace Grounded.Agents.Tools;

/// <summary>What the document tools read, always within what the caller may see (its tenant and groups): the host's store.</summary>
public interface IAgentDocuments
{
    /// <summary>Returns the passages most relevant to <paramref name="query"/> (hybrid retrieval), best first, at most <paramref name="topK"/>.</summary>
    Task<IReadOnlyList<DocumentPassage>> SearchAsync(CallerIdentity caller, string query, int topK, CancellationToken cancellationToken);

    /// <summary>Returns the document with id <paramref name="documentId"/> and its text, cut at <paramref name="maxChars"/> characters; null when the caller cannot see one with that id.</summary>
    Task<DocumentText?> GetAsync(CallerIdentity caller, string documentId, int maxChars, CancellationToken cancellationToken);
}

/// <summary>One passage a search found.</summary>
/// <param name="DocumentId">The document's id (what <c>get_document</c> takes).</param>
/// <param name="Source">The document's path or name, as citations show it.</param>
/// <param name="Heading">The heading path of the passage's section, if any.</param>
/// <param name="Text">The passage.</param>
/// <param name="Score">The retrieval score.</param>
public sealed record DocumentPassage(string DocumentId, string Source, string Heading, string Text, double Score);

/// <summary>One document's text.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Source">The document's path or name.</param>
/// <param name="Text">Its text, possibly cut.</param>
/// <param name="Truncated">Whether the text was cut.</param>
public sealed record DocumentText(string DocumentId, string Source, string Text, bool Truncated);
