namespace Grounded.Rag.Access;

/// <summary>
/// The embedded store's keys, audit log, usage ledger, query log, prompts' active versions (each pointer names its switch in the history), agent runs, feedback, saved evaluation runs and alert states, in <c>access.db</c> beside <c>grounded.db</c>: a file of its own, so a key's
/// last-used stamp never waits for an ingestion's write lock, and never makes searches reload their vectors. The audit
/// log refuses updates and deletes.
/// </summary>
internal static class SqliteAccessSchema
{
    public const string FileName = "access.db";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS api_keys(
            id TEXT PRIMARY KEY,
            tenant TEXT NOT NULL,
            role TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            groups TEXT NOT NULL DEFAULT '',
            rpm INTEGER,
            tpm INTEGER,
            hash BLOB NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            last_used_at TEXT,
            rotated_at TEXT,
            revoked_at TEXT);
        CREATE INDEX IF NOT EXISTS api_keys_by_tenant ON api_keys(tenant, created_at);
        CREATE TABLE IF NOT EXISTS audit_log(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            tenant TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NOT NULL,
            origin TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log(at);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TABLE IF NOT EXISTS usage_ledger(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            request_id TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            tenant TEXT NOT NULL,
            key_id TEXT,
            end_user TEXT,
            requested_model TEXT,
            model TEXT,
            route TEXT,
            route_class TEXT,
            prompt_id TEXT,
            cache TEXT,
            input_tokens INTEGER NOT NULL,
            cached_input_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            cost_nusd INTEGER NOT NULL,
            saved_nusd INTEGER NOT NULL,
            latency_ms REAL NOT NULL,
            status INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS usage_ledger_by_time ON usage_ledger(at);
        CREATE INDEX IF NOT EXISTS usage_ledger_by_tenant ON usage_ledger(tenant, at);
        CREATE TABLE IF NOT EXISTS query_log(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            tenant TEXT NOT NULL,
            embedding BLOB NOT NULL,
            top_score REAL,
            abstained INTEGER NOT NULL,
            guard_triggers INTEGER NOT NULL,
            grounding_score REAL);
        CREATE INDEX IF NOT EXISTS query_log_by_time ON query_log(at);
        CREATE TABLE IF NOT EXISTS prompt_history(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            environment TEXT NOT NULL,
            prompt_id TEXT NOT NULL,
            version TEXT NOT NULL,
            previous_version TEXT,
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            origin TEXT NOT NULL,
            forced INTEGER NOT NULL,
            metric TEXT,
            score REAL,
            previous_score REAL);
        CREATE INDEX IF NOT EXISTS prompt_history_by_prompt ON prompt_history(prompt_id, environment, seq);
        CREATE TABLE IF NOT EXISTS prompt_active(
            prompt_id TEXT NOT NULL,
            environment TEXT NOT NULL,
            history_seq INTEGER NOT NULL REFERENCES prompt_history(seq),
            PRIMARY KEY(prompt_id, environment));
        CREATE TABLE IF NOT EXISTS agent_runs(
            id TEXT PRIMARY KEY,
            tenant TEXT NOT NULL,
            agent TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            document TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS agent_runs_by_tenant ON agent_runs(tenant, created_at);
        CREATE INDEX IF NOT EXISTS agent_runs_by_status ON agent_runs(status, created_at);
        CREATE TABLE IF NOT EXISTS evaluation_runs(
            id TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            tenant TEXT NOT NULL,
            dataset TEXT NOT NULL,
            prompt TEXT,
            model TEXT,
            gate TEXT,
            metrics TEXT NOT NULL,
            report TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS evaluation_runs_by_tenant ON evaluation_runs(tenant, at);
        CREATE TABLE IF NOT EXISTS alert_states(
            rule TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            since TEXT NOT NULL,
            value REAL,
            threshold REAL,
            message TEXT NOT NULL,
            evaluated_at TEXT NOT NULL,
            notified_at TEXT,
            version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS feedback(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            tenant TEXT NOT NULL,
            response_id TEXT NOT NULL,
            rating TEXT NOT NULL,
            key_id TEXT,
            comment TEXT,
            endpoint TEXT,
            prompt_id TEXT,
            model TEXT,
            question TEXT,
            answer TEXT,
            sources TEXT NOT NULL,
            abstained INTEGER NOT NULL,
            UNIQUE(tenant, response_id));
        CREATE INDEX IF NOT EXISTS feedback_by_time ON feedback(at);
        """;
}
