namespace Grounded.Cli.Commands;

/// <summary>Settings of a verb that searches and so takes <c>--exact</c> (scan every vector instead of the HNSW index).</summary>
internal interface IExactSearchSettings
{
    bool Exact { get; }
}
