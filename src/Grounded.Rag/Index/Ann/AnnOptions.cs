namespace Grounded.Rag.Index.Ann;

/// <summary>How the embedded store's approximate nearest-neighbour (HNSW) index is built and searched.</summary>
public sealed record AnnOptions
{
    /// <summary>The fewest links per node allowed.</summary>
    public const int MinConnectivity = 2;

    /// <summary>The most links per node allowed.</summary>
    public const int MaxConnectivity = 256;

    /// <summary>The largest candidate list allowed, building or searching.</summary>
    public const int MaxExpansion = 4096;

    /// <summary>Gets whether the HNSW index may be used at all; when false every search is an exact scan (<c>--exact</c>).</summary>
    /// <value>The default is true.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the number of vectors (chunk windows) below which search stays an exact scan and no index is built.</summary>
    /// <value>The default is 20,000: below it the exact scan answers in a few milliseconds (see docs/benchmarks.md).</value>
    public int MinimumVectors { get; init; } = 20_000;

    /// <summary>Gets the graph's connectivity (HNSW <c>M</c>): links per node.</summary>
    /// <value>The default is 16.</value>
    public int Connectivity { get; init; } = 16;

    /// <summary>Gets the candidate list size while inserting (HNSW <c>ef_construction</c>).</summary>
    /// <value>The default is 128.</value>
    public int ExpansionAdd { get; init; } = 128;

    /// <summary>Gets the candidate list size while searching (HNSW <c>ef_search</c>); raised to the number of candidates wanted when lower.</summary>
    /// <value>The default is 100: recall@10 0.946 at 64 on 200k clustered vectors fell short of 0.95 (see docs/benchmarks.md).</value>
    public int ExpansionSearch { get; init; } = 100;

    /// <summary>Gets how many vectors the index returns per chunk asked for, before the best window per chunk is kept and rescored exactly.</summary>
    /// <value>The default is 4 (at least 40 candidates).</value>
    public int OverFetch { get; init; } = 4;

    /// <summary>
    /// Gets the share of an indexed store's chunks up to which a filtered search (a tenant, the caller's groups, a collection)
    /// scans just the matching chunks exactly instead of walking the index with the filter.
    /// </summary>
    /// <value>The default is 0.1: a 1% tenant of 200k vectors gets recall 1.0 from the subset scan (see docs/benchmarks.md).</value>
    public double FilteredExactShare { get; init; } = 0.1;

    /// <summary>Gets how the index stores its vectors.</summary>
    /// <value>The default is <see cref="AnnQuantization.I8"/>: with exact rescoring it kept f16's recall at 200k vectors
    /// (0.985 vs 0.983) with 58% of the memory and a quarter less build time (see docs/benchmarks.md).</value>
    public AnnQuantization Quantization { get; init; } = AnnQuantization.I8;

    /// <summary>Gets how many threads build the index.</summary>
    /// <value>The default is the number of processors.</value>
    public int BuildThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Returns every problem with these options (empty when they are valid).</summary>
    public IEnumerable<string> Validate()
    {
        if (MinimumVectors < 0)
        {
            yield return $"the ANN threshold must be 0 or more vectors (got {MinimumVectors})";
        }

        if (Connectivity is < MinConnectivity or > MaxConnectivity)
        {
            yield return $"the HNSW links per node (M) must be between {MinConnectivity} and {MaxConnectivity} (got {Connectivity})";
        }

        if (ExpansionAdd is < 1 or > MaxExpansion)
        {
            yield return $"the HNSW build candidates (ef_construction) must be between 1 and {MaxExpansion} (got {ExpansionAdd})";
        }

        if (ExpansionSearch is < 1 or > MaxExpansion)
        {
            yield return $"the HNSW search candidates (ef_search) must be between 1 and {MaxExpansion} (got {ExpansionSearch})";
        }

        if (OverFetch is < 1 or > 64)
        {
            yield return $"the over-fetch factor must be between 1 and 64 (got {OverFetch})";
        }

        if (FilteredExactShare is < 0 or > 1 || double.IsNaN(FilteredExactShare))
        {
            yield return $"the filtered exact-scan share must be between 0 and 1 (got {FilteredExactShare})";
        }

        if (BuildThreads < 1)
        {
            yield return $"the build threads must be 1 or more (got {BuildThreads})";
        }
    }
}
