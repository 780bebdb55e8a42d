namespace Grounded.Evaluation.Reports;

/// <summary>How one chunk size did on a QA set: a hit is a retrieved chunk that contains the gold answer text.</summary>
/// <param name="ChunkTokens">The largest chunk, in tokens.</param>
/// <param name="OverlapTokens">The overlap between neighbouring chunks, in tokens.</param>
/// <param name="Chunks">How many chunks the corpus made.</param>
/// <param name="Questions">How many questions were asked.</param>
/// <param name="Metrics">Metric name → mean: <c>hit@1</c>, <c>hit@k</c> and <c>mrr@k</c>.</param>
public sealed record ChunkingReport(int ChunkTokens, int OverlapTokens, int Chunks, int Questions, IReadOnlyDictionary<string, double> Metrics);
