namespace Grounded.Rag.Tests.Ingest;

/// <summary>The fuzz properties run alone: they bound the whole process's allocations, which other tests would add to.</summary>
[CollectionDefinition(nameof(FuzzCollection), DisableParallelization = true)]
public sealed class FuzzCollection;
