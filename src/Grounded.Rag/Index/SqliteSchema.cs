namespace Grounded.Rag.Index;

/// <summary>The embedded store's tables. Embeddings are keyed by chunk content hash, so identical text is embedded once.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents(
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS chunks(
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            heading_path TEXT NOT NULL,
            token_count INTEGER NOT NULL,
            content_hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(document_id, ordinal);
        CREATE INDEX IF NOT EXISTS chunks_by_hash ON chunks(content_hash);
        CREATE TABLE IF NOT EXISTS embeddings(content_hash TEXT PRIMARY KEY, vector BLOB NOT NULL);
        """;

    /// <summary>Deletes cached embeddings no chunk refers to any more.</summary>
    public const string DeleteOrphanEmbeddings =
        "DELETE FROM embeddings WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.content_hash = embeddings.content_hash)";
}
