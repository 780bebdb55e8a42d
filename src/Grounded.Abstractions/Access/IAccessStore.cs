namespace Grounded.Access;

/// <summary>The keys and the audit log of one store, kept beside its documents (SQLite or PostgreSQL).</summary>
public interface IAccessStore : IKeyStore, IAuditLog, IAsyncDisposable;
