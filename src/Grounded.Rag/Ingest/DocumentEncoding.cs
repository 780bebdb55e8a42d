namespace Grounded.Rag.Ingest;

/// <summary>A document and the text encoding it was read in.</summary>
/// <param name="Source">The document's source, as the report names it.</param>
/// <param name="Encoding">The encoding's name, as <see cref="IngestReport.DocumentsByEncoding"/> counts it.</param>
public sealed record DocumentEncoding(string Source, string Encoding);
