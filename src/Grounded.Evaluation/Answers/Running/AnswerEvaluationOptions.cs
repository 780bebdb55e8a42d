using Microsoft.Extensions.AI;

namespace Grounded.Evaluation.Answers;

/// <summary>How an answer-quality run scores and reports.</summary>
public sealed record AnswerEvaluationOptions
{
    /// <summary>Gets the embedding model for <c>semantic_similarity</c>; null reports the metric as null.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; init; }

    /// <summary>Gets the LLM judge; null reports no <c>judge_score</c>.</summary>
    public AnswerJudge? Judge { get; init; }

    /// <summary>Gets how many items are answered at once (1 to 16). The default is 1.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Gets the baseline's metrics; null passes the gate.</summary>
    public IReadOnlyDictionary<string, double?>? Baseline { get; init; }

    /// <summary>Gets how far below the baseline a metric may fall. The default is 0.02.</summary>
    public double Tolerance { get; init; } = BaselineGate.DefaultTolerance;

    /// <summary>Gets the bootstrap resamples per interval. The default is 1,000.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Gets the bootstrap seed. The default is <see cref="BootstrapInterval.DefaultSeed"/>.</summary>
    public int Seed { get; init; } = BootstrapInterval.DefaultSeed;

    /// <summary>Gets the answer prompt's reference, recorded in the report.</summary>
    public string? Prompt { get; init; }

    /// <summary>Gets what writes the answers (a model name, or <c>extractive</c>), recorded in the report.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the clock the run is timed with. The default is the system's.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
