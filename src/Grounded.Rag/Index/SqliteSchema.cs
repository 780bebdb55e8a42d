namespace Grounded.Rag.Index;

/// <summary>
/// The embedded store's tables. Embeddings are keyed by chunk content hash, so identical text is embedded once;
/// <c>chunks_fts</c> is an external-content FTS5 index over chunk text (porter stemming) kept in step by triggers, and
/// <c>seq</c> is an explicit rowid so VACUUM cannot renumber what the index points at. <c>vector_log</c> records, in the
/// same transaction as the write, every chunk added or removed, so the HNSW index file beside the database can be
/// caught up from the log after a crash instead of trusted or rebuilt.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents(
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            full_path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            ingested_at TEXT NOT NULL,
            collection TEXT NOT NULL DEFAULT '',
            tenant TEXT NOT NULL DEFAULT 'default');
        CREATE TABLE IF NOT EXISTS document_groups(
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            grp TEXT NOT NULL,
            PRIMARY KEY(document_id, grp)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS document_tags(
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY(document_id, tag)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS document_tags_by_tag ON document_tags(tag);
        CREATE TABLE IF NOT EXISTS chunks(
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            heading_path TEXT NOT NULL,
            context TEXT NOT NULL,
            token_count INTEGER NOT NULL,
            content_hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(document_id, ordinal);
        CREATE INDEX IF NOT EXISTS chunks_by_hash ON chunks(content_hash);
        CREATE TABLE IF NOT EXISTS embeddings(content_hash TEXT PRIMARY KEY, vector BLOB NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(context, text, content='chunks', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS chunks_fts_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts(rowid, context, text) VALUES (new.seq, new.context, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS chunks_fts_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, context, text) VALUES ('delete', old.seq, old.context, old.text);
        END;
        CREATE TABLE IF NOT EXISTS vector_log(id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL);
        CREATE TRIGGER IF NOT EXISTS chunks_vector_log_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO vector_log(seq) VALUES (new.seq);
        END;
        CREATE TRIGGER IF NOT EXISTS chunks_vector_log_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO vector_log(seq) VALUES (old.seq);
        END;
        """;

    /// <summary>Adds the collection column to a store made before filters existed (older readers ignore it, so the version stays).</summary>
    public const string AddCollection = """
        ALTER TABLE documents ADD COLUMN collection TEXT NOT NULL DEFAULT '';
        """;

    /// <summary>Adds the tenant column to a store made before tenants existed: every document it holds belongs to the default tenant.</summary>
    public const string AddTenant = """
        ALTER TABLE documents ADD COLUMN tenant TEXT NOT NULL DEFAULT 'default';
        """;

    /// <summary>Indexes what a tenant's searches and listings select on (after <see cref="AddTenant"/>, which older stores need first).</summary>
    public const string TenantIndexes = """
        CREATE INDEX IF NOT EXISTS documents_by_tenant ON documents(tenant, source);
        """;

    /// <summary>Deletes cached embeddings no chunk refers to any more.</summary>
    public const string DeleteOrphanEmbeddings =
        "DELETE FROM embeddings WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.content_hash = embeddings.content_hash)";
}
