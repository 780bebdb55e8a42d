namespace Grounded.Rag.Ingest;

/// <summary>A file ingest would read: its full path, and the path as the user would name it.</summary>
public sealed record CorpusFile(string FullPath, string Source);
