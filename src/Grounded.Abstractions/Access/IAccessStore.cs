namespace Grounded.Access;

/// <summary>The keys, the audit log, the usage ledger, the query log, the prompts' active versions and the agent runs of one store, kept beside its documents (SQLite or PostgreSQL).</summary>
public interface IAccessStore : IKeyStore, IAuditLog, Usage.IUsageLedger, Usage.IQueryLog, Prompts.IPromptStore, Agents.IAgentRunStore, IAsyncDisposable;
