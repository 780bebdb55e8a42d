namespace Grounded.Documents;

/// <summary>A document held by a store: where it came from and the content it had when it was indexed.</summary>
/// <param name="Id">The stable identifier derived from the document's full path.</param>
/// <param name="Source">The path as it was given when the document was ingested.</param>
/// <param name="ContentHash">The SHA-256 of the file's bytes, hex encoded.</param>
/// <param name="ChunkCount">How many chunks the document was split into.</param>
/// <param name="IngestedAt">When the current content was indexed.</param>
public sealed record DocumentInfo(string Id, string Source, string ContentHash, int ChunkCount, DateTimeOffset IngestedAt)
{
    /// <summary>Gets the file's absolute path when it was ingested, so pruning does not depend on the working directory; empty when unknown.</summary>
    public string FullPath { get; init; } = string.Empty;

    /// <summary>Gets the collection the document was ingested into; empty when none was named.</summary>
    public string Collection { get; init; } = string.Empty;

    /// <summary>Gets the tags the document was ingested with, in no particular order; empty when none.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the tenant the document belongs to; only that tenant's callers see it.</summary>
    public string Tenant { get; init; } = Access.Tenants.Default;

    /// <summary>Gets the groups whose callers may see the document; empty: every caller of its tenant (see <see cref="Storage.SearchFilter.Groups"/>).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Returns whether both records describe the same document version, comparing tags by content.</summary>
    public bool Equals(DocumentInfo? other) =>
        other is not null && Id == other.Id && Source == other.Source && ContentHash == other.ContentHash && ChunkCount == other.ChunkCount
        && IngestedAt == other.IngestedAt && FullPath == other.FullPath && Collection == other.Collection && Tags.SequenceEqual(other.Tags)
        && Tenant == other.Tenant && Groups.SequenceEqual(other.Groups);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, ContentHash, IngestedAt, Collection);
}
