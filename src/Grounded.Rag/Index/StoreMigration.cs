namespace Grounded.Rag.Index;

/// <summary>What bringing a store's schema up to date did.</summary>
/// <param name="Location">The store, for messages (a directory, or a URL without its password).</param>
/// <param name="From">The schema version before.</param>
/// <param name="To">The schema version after.</param>
public sealed record StoreMigration(string Location, int From, int To);
