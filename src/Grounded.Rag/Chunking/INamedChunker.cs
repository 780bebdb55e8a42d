namespace Grounded.Rag.Chunking;

/// <summary>A chunker that can say which strategy it used, for the ingest report.</summary>
internal interface INamedChunker
{
    /// <summary>Gets the strategy's name as <c>--chunker</c> spells it; known once the document has been chunked.</summary>
    string Name { get; }
}
