using Grounded.Documents;

namespace Grounded.Storage;

/// <summary>Restricts a search to the chunks of documents that match every condition given; a condition left empty matches everything.</summary>
public sealed record SearchFilter
{
    /// <summary>Gets the filter that matches every document.</summary>
    public static SearchFilter None { get; } = new();

    /// <summary>Gets the collection a document must belong to; null matches any collection.</summary>
    public string? Collection { get; init; }

    /// <summary>Gets the text a document's source must start with (compared ordinally); null matches any source.</summary>
    public string? SourcePrefix { get; init; }

    /// <summary>Gets the tags a document must all carry; empty matches any document.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the tenant a document must belong to; null matches every tenant (trusted callers only: the server always scopes to the caller's tenant).</summary>
    public string? Tenant { get; init; }

    /// <summary>
    /// Gets the caller's groups: a document with groups matches only when it shares one of them, a document without groups always
    /// does; null matches documents whatever their groups.
    /// </summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>Gets whether the filter matches every document.</summary>
    public bool IsEmpty => Collection is null && string.IsNullOrEmpty(SourcePrefix) && Tags.Count == 0 && Tenant is null && Groups is null;

    /// <summary>Returns whether <paramref name="document"/> passes the filter.</summary>
    public bool Matches(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (Collection is null || string.Equals(document.Collection, Collection, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(SourcePrefix) || document.Source.StartsWith(SourcePrefix, StringComparison.Ordinal))
            && Tags.All(t => document.Tags.Contains(t, StringComparer.Ordinal))
            && (Tenant is null || string.Equals(document.Tenant, Tenant, StringComparison.Ordinal))
            && (Groups is null || document.Groups.Count == 0 || document.Groups.Any(g => Groups.Contains(g, StringComparer.Ordinal)));
    }
}
