namespace Grounded.Rag.Ingest;

/// <summary>What ingestion does with personal data in documents (<c>grounded ingest --pii</c>).</summary>
public enum PiiIngestMode
{
    /// <summary>Count what is found, per document and type, and index the text unchanged.</summary>
    Flag,

    /// <summary>Replace each entity by a typed placeholder (<c>&lt;EMAIL_ADDRESS&gt;</c>) before chunking, embedding and indexing: the index never holds it.</summary>
    Redact,
}
