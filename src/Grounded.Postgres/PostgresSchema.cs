using System.Globalization;

namespace Grounded.Postgres;

/// <summary>
/// The PostgreSQL store's versioned migrations. Chunks are embedded as several windows, so vectors live in
/// <c>chunk_vectors</c> (one row per window, HNSW with cosine distance) keyed by chunk content hash, and a chunk scores
/// as its best window, as in the embedded store. <c>tsv</c> weights the chunk's context A and its text B for the keyword leg.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The schema version this build reads and writes.</summary>
    public static int Latest => Migrations.Count;

    /// <summary>Identifies the advisory lock that serialises migrations and reindexing across processes.</summary>
    public const long LockKey = 0x6772_6F75_6E64;

    /// <summary>The migrations in order; migration n brings the schema from version n - 1 to n, and is safe to run again. {dims} is the vector length.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE EXTENSION IF NOT EXISTS vector;
        CREATE TABLE IF NOT EXISTS grounded_meta(key text PRIMARY KEY, value text NOT NULL);
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'grounded') THEN
                CREATE TEXT SEARCH DICTIONARY grounded_porter (TEMPLATE = snowball, Language = porter);
                CREATE TEXT SEARCH CONFIGURATION grounded (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION grounded
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH grounded_porter;
            END IF;
        END $$;
        CREATE TABLE IF NOT EXISTS documents(
            id text PRIMARY KEY,
            source text NOT NULL,
            full_path text NOT NULL,
            content_hash text NOT NULL,
            chunk_count integer NOT NULL,
            ingested_at timestamptz NOT NULL,
            collection text NOT NULL DEFAULT '',
            tags text[] NOT NULL DEFAULT '{}');
        CREATE INDEX IF NOT EXISTS documents_by_collection ON documents(collection);
        CREATE INDEX IF NOT EXISTS documents_by_tags ON documents USING gin(tags);
        CREATE TABLE IF NOT EXISTS embeddings(content_hash text PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS chunk_vectors(
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            content_hash text NOT NULL REFERENCES embeddings(content_hash) ON DELETE CASCADE,
            window_index integer NOT NULL,
            embedding vector({dims}) NOT NULL);
        CREATE INDEX IF NOT EXISTS chunk_vectors_by_hash ON chunk_vectors(content_hash);
        CREATE INDEX IF NOT EXISTS chunk_vectors_hnsw ON chunk_vectors USING hnsw (embedding vector_cosine_ops);
        CREATE TABLE IF NOT EXISTS chunks(
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text NOT NULL UNIQUE,
            document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal integer NOT NULL,
            text text NOT NULL,
            start_offset bigint NOT NULL,
            end_offset bigint NOT NULL,
            heading_path text NOT NULL,
            context text NOT NULL,
            token_count integer NOT NULL,
            content_hash text NOT NULL REFERENCES embeddings(content_hash),
            term_count integer NOT NULL,
            tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('grounded', context), 'A') || setweight(to_tsvector('grounded', text), 'B')) STORED);
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(document_id, ordinal);
        CREATE INDEX IF NOT EXISTS chunks_by_hash ON chunks(content_hash);
        CREATE INDEX IF NOT EXISTS chunks_tsv ON chunks USING gin(tsv);
        """,
        // 2: the keyword index's word list with how many chunks hold each word, for spelling suggestions; kept by the
        // writers (one sorted upsert per document, so concurrent writers lock words in the same order).
        """
        CREATE TABLE IF NOT EXISTS chunk_terms(term text COLLATE "C" PRIMARY KEY, chunks bigint NOT NULL);
        INSERT INTO chunk_terms(term, chunks) SELECT word, ndoc FROM ts_stat('SELECT tsv FROM chunks') ON CONFLICT (term) DO NOTHING;
        """,
        // 3: tenants and groups (every document held before belongs to the default tenant and has no groups), the API keys
        // (only a hash of each secret) and the audit log, which refuses updates, deletes and truncation.
        """
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS tenant text NOT NULL DEFAULT 'default';
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS groups text[] NOT NULL DEFAULT '{}';
        CREATE INDEX IF NOT EXISTS documents_by_tenant ON documents(tenant, source);
        CREATE INDEX IF NOT EXISTS documents_by_groups ON documents USING gin(groups);
        CREATE TABLE IF NOT EXISTS api_keys(
            id text PRIMARY KEY,
            tenant text NOT NULL,
            role text NOT NULL,
            name text NOT NULL DEFAULT '',
            groups text[] NOT NULL DEFAULT '{}',
            rpm bigint,
            tpm bigint,
            hash bytea NOT NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz,
            last_used_at timestamptz,
            rotated_at timestamptz,
            revoked_at timestamptz);
        CREATE INDEX IF NOT EXISTS api_keys_by_tenant ON api_keys(tenant, created_at);
        CREATE TABLE IF NOT EXISTS audit_log(
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            actor text NOT NULL,
            tenant text NOT NULL,
            action text NOT NULL,
            target text NOT NULL,
            detail text NOT NULL,
            origin text NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log(at);
        CREATE OR REPLACE FUNCTION grounded_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP;
        END $$;
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_log_append_only' AND tgrelid = 'audit_log'::regclass) THEN
                -- Per statement, so even one that matches no row is refused.
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION grounded_audit_log_append_only();
            END IF;
        END $$;
        """,
        // 4: the usage ledger, one row per model request; dollars in billionths so sums are exact.
        """
        CREATE TABLE IF NOT EXISTS usage_ledger(
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            request_id text NOT NULL,
            endpoint text NOT NULL,
            tenant text NOT NULL,
            key_id text,
            end_user text,
            requested_model text,
            model text,
            route text,
            route_class text,
            prompt_id text,
            cache text,
            input_tokens bigint NOT NULL,
            cached_input_tokens bigint NOT NULL,
            output_tokens bigint NOT NULL,
            cost_nusd bigint NOT NULL,
            saved_nusd bigint NOT NULL,
            latency_ms double precision NOT NULL,
            status integer NOT NULL);
        CREATE INDEX IF NOT EXISTS usage_ledger_by_time ON usage_ledger(at);
        CREATE INDEX IF NOT EXISTS usage_ledger_by_tenant ON usage_ledger(tenant, at);
        """,
        // 5: the query log for drift monitoring, one row per answered question: its embedding (float32 little-endian
        // bytes, never the text), the best retrieval score, abstention, guard triggers and the grounding score.
        """
        CREATE TABLE IF NOT EXISTS query_log(
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            tenant text NOT NULL,
            embedding bytea NOT NULL,
            top_score double precision,
            abstained boolean NOT NULL,
            guard_triggers integer NOT NULL,
            grounding_score double precision);
        CREATE INDEX IF NOT EXISTS query_log_by_time ON query_log(at);
        """,
        // 6: the prompts' history of switches (promotions and rollbacks) and the active pointer per prompt and environment,
        // which names its switch in the history.
        """
        CREATE TABLE IF NOT EXISTS prompt_history(
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            environment text NOT NULL,
            prompt_id text NOT NULL,
            version text NOT NULL,
            previous_version text,
            action text NOT NULL,
            actor text NOT NULL,
            origin text NOT NULL,
            forced boolean NOT NULL,
            metric text,
            score double precision,
            previous_score double precision);
        CREATE INDEX IF NOT EXISTS prompt_history_by_prompt ON prompt_history(prompt_id, environment, seq);
        CREATE TABLE IF NOT EXISTS prompt_active(
            prompt_id text NOT NULL,
            environment text NOT NULL,
            history_seq bigint NOT NULL REFERENCES prompt_history(seq),
            PRIMARY KEY(prompt_id, environment));
        """,
        // 7: agent runs, one row per run: the columns a run is listed by and the run itself as the runtime wrote it (text, so
        // its bytes come back exact); version makes every write conditional, so two approvals of one run cannot both resume it.
        """
        CREATE TABLE IF NOT EXISTS agent_runs(
            id text PRIMARY KEY,
            tenant text NOT NULL,
            agent text NOT NULL,
            status text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version bigint NOT NULL,
            document text NOT NULL);
        CREATE INDEX IF NOT EXISTS agent_runs_by_tenant ON agent_runs(tenant, created_at);
        CREATE INDEX IF NOT EXISTS agent_runs_by_status ON agent_runs(status, created_at);
        """,
        // 8: feedback on answers and completions, one row per tenant and response (a later rating replaces the earlier), with
        // what the response was made from (prompt, model) and, for export as an evaluation data set, its question and answer.
        """
        CREATE TABLE IF NOT EXISTS feedback(
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            tenant text NOT NULL,
            response_id text NOT NULL,
            rating text NOT NULL,
            key_id text,
            comment text,
            endpoint text,
            prompt_id text,
            model text,
            question text,
            answer text,
            sources text[] NOT NULL,
            abstained boolean NOT NULL,
            UNIQUE(tenant, response_id));
        CREATE INDEX IF NOT EXISTS feedback_by_time ON feedback(at);
        """,
        // 9: saved evaluation runs (grounded eval run): the columns a run is listed by, its metric means and its report as printed.
        """
        CREATE TABLE IF NOT EXISTS evaluation_runs(
            id text PRIMARY KEY,
            at timestamptz NOT NULL,
            tenant text NOT NULL,
            dataset text NOT NULL,
            prompt text,
            model text,
            gate text,
            metrics text NOT NULL,
            report text NOT NULL);
        CREATE INDEX IF NOT EXISTS evaluation_runs_by_tenant ON evaluation_runs(tenant, at);
        """,
        // 10: the alert rules' states, one row per rule; version
        // makes every write conditional, so that of replicas racing one transition exactly one stores (and sends) it.
        """
        CREATE TABLE IF NOT EXISTS alert_states(
            rule text PRIMARY KEY,
            state text NOT NULL,
            since timestamptz NOT NULL,
            value double precision,
            threshold double precision,
            message text NOT NULL,
            evaluated_at timestamptz NOT NULL,
            notified_at timestamptz,
            version bigint NOT NULL);
        """,
    ];

    /// <summary>Returns migration <paramref name="index"/> (0-based) for vectors of <paramref name="dimensions"/>.</summary>
    public static string Migration(int index, int dimensions) =>
        Migrations[index].Replace("{dims}", dimensions.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
