namespace Grounded.Access;

/// <summary>The keys, the audit log, the usage ledger, the query log and the prompts' active versions of one store, kept beside its documents (SQLite or PostgreSQL).</summary>
public interface IAccessStore : IKeyStore, IAuditLog, Usage.IUsageLedger, Usage.IQueryLog, Prompts.IPromptStore, IAsyncDisposable;
