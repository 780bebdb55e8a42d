namespace Grounded.Access;

/// <summary>The keys, the audit log and the usage ledger of one store, kept beside its documents (SQLite or PostgreSQL).</summary>
public interface IAccessStore : IKeyStore, IAuditLog, Usage.IUsageLedger, IAsyncDisposable;
