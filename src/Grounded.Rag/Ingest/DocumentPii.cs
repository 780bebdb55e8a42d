namespace Grounded.Rag.Ingest;

/// <summary>The personal data found in one document at ingest: how many entities of each type (never the values).</summary>
/// <param name="Source">The document's source as ingested.</param>
/// <param name="ByType">How many entities of each type, by Presidio's type name (<c>EMAIL_ADDRESS</c>, ...).</param>
public sealed record DocumentPii(string Source, IReadOnlyDictionary<string, int> ByType);
