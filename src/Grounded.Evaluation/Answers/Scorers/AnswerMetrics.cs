namespace Grounded.Evaluation.Answers;

/// <summary>The names of the answer-quality metrics, as they appear in reports and JSON (snake_case).</summary>
public static class AnswerMetrics
{
    /// <summary>1 when the normalised answer equals an acceptable answer.</summary>
    public const string ExactMatch = "exact_match";

    /// <summary>SQuAD token F1 against the best acceptable answer.</summary>
    public const string TokenF1 = "token_f1";

    /// <summary>ROUGE-L F-measure against the best acceptable answer.</summary>
    public const string RougeL = "rouge_l";

    /// <summary>Cosine similarity of the answer's and the best acceptable answer's embeddings.</summary>
    public const string SemanticSimilarity = "semantic_similarity";

    /// <summary>The share of the answer's cited sources that are expected sources.</summary>
    public const string CitationPrecision = "citation_precision";

    /// <summary>The share of the expected sources the answer cites.</summary>
    public const string CitationRecall = "citation_recall";

    /// <summary>On unanswerable items: 1 when the answerer abstained.</summary>
    public const string AbstentionAccuracy = "abstention_accuracy";

    /// <summary>The LLM judge's rubric score normalised to 0..1 (mean over repeats).</summary>
    public const string JudgeScore = "judge_score";

    /// <summary>Gets the metrics every run reports (null where they do not apply), in report order; <see cref="JudgeScore"/> follows when judged.</summary>
    public static IReadOnlyList<string> Standard { get; } =
        [ExactMatch, TokenF1, RougeL, SemanticSimilarity, CitationPrecision, CitationRecall, AbstentionAccuracy];
}
