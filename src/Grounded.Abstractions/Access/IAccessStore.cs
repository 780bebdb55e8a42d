namespace Grounded.Access;

/// <summary>The keys, the audit log, the usage ledger and the prompts' active versions of one store, kept beside its documents (SQLite or PostgreSQL).</summary>
public interface IAccessStore : IKeyStore, IAuditLog, Usage.IUsageLedger, Prompts.IPromptStore, IAsyncDisposable;
