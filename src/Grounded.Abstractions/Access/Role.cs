namespace Grounded.Access;

/// <summary>What an API key may do; each role may do everything the roles before it may.</summary>
public enum Role
{
    /// <summary>Chat, ask, search and embeddings.</summary>
    Reader = 1,

    /// <summary>A reader who may also upload, ingest and delete documents.</summary>
    Writer = 2,

    /// <summary>A writer who may also manage keys and read the audit log.</summary>
    Admin = 3,
}
