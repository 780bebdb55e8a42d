using System.Globalization;
using System.Text.RegularExpressions;
using Grounded.Chunks;
using Grounded.Rag.Rerank;

namespace Grounded.Rag.Answer.Abstain;

/// <summary>
/// The evidence an extractive answer would stand on, as numbers the abstention model weighs: how strongly the best
/// sentence matches the question, how much of the question it and its chunk cover (the rare words and the numbers
/// above all), whether it holds the kind of answer asked for (a number for "how many", a year for "when", a name for
/// "who"), and how far the best passage stands above the next one from another document.
/// </summary>
public static partial class AbstentionFeatures
{
    /// <summary>The features' names, in the order <see cref="Compute"/> returns them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "relevance", "similarity", "coverage", "chunk_coverage", "chunk_missing", "evidence_missing", "numbers_covered",
        "type_expected", "type_missing", "document_margin", "sentence_margin", "documents",
        "weighted_coverage", "document_share", "question_terms", "names_covered", "phrase_coverage", "evidence_phrase_coverage", "peak",
    ];

    /// <summary>Returns the features of <paramref name="sentences"/> (scored from <paramref name="evidence"/>) as evidence for an answer to <paramref name="question"/>.</summary>
    public static double[] Compute(string question, IReadOnlyList<ScoredChunk> evidence, IReadOnlyList<ScoredSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(sentences);
        var ordered = sentences.OrderByDescending(s => s.Relevance).ToList();
        var best = ordered[0];
        var bestChunk = evidence[best.Rank].Chunk;
        var otherDocument = ordered.FirstOrDefault(s => evidence[s.Rank].Chunk.DocumentId != bestChunk.DocumentId);
        var expected = Expected(question);
        var typeFound = expected == AnswerType.None || ordered.Take(3).Any(s => Holds(s.Text, expected));
        return
        [
            best.Relevance,
            best.Similarity,
            best.Coverage,
            best.ChunkCoverage,
            best.ChunkMissing,
            sentences.Min(s => s.ChunkMissing),
            NumbersCovered(question, bestChunk.Chunk.Text),
            expected == AnswerType.None ? 0 : 1,
            typeFound ? 0 : 1,
            otherDocument is null ? 0.2 : best.Relevance - otherDocument.Relevance,
            ordered.Count > 1 ? best.Relevance - ordered[1].Relevance : 0.2,
            evidence.Select(e => e.Chunk.DocumentId).Distinct(StringComparer.Ordinal).Count(),
            best.WeightedCoverage,
            evidence.Count(e => e.Chunk.DocumentId == bestChunk.DocumentId) / (double)evidence.Count,
            Math.Min(QueryTerms.Of(question).Count, 12) / 12.0,
            NamesCovered(question, bestChunk.Chunk.Text),
            PhraseCoverage(question, bestChunk.Chunk.Text),
            evidence.Max(e => PhraseCoverage(question, e.Chunk.Chunk.Text)),
            best.Relevance - ordered.Take(10).Average(s => s.Relevance),
        ];
    }

    /// <summary>Returns the share of the question's tokens with a digit ("2019", "H7N9", "COVID-19") the text contains; 1 when it has none.</summary>
    internal static double NumbersCovered(string question, string text)
    {
        var numbers = Numbered().Matches(question).Select(m => m.Value.Trim('-', '.')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return numbers.Count == 0 ? 1 : numbers.Count(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)) / (double)numbers.Count;
    }

    /// <summary>Returns the share of the question's names (capitalised words after the first, acronyms: "MERS", "Saudi") the text contains; 1 when it has none.</summary>
    internal static double NamesCovered(string question, string text)
    {
        var names = QuestionName().Matches(question).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? 1 : names.Count(n => text.Contains(n, StringComparison.Ordinal)) / (double)names.Count;
    }

    /// <summary>
    /// Returns the share of the question's phrases (adjacent content terms: "serial interval", "antiviral activity") the
    /// text has as phrases; 1 when the question has none. A question written from a document shares its phrases, not
    /// only its words.
    /// </summary>
    internal static double PhraseCoverage(string question, string text)
    {
        var asked = Pairs(QueryTerms.Sequence(question));
        if (asked.Count == 0)
        {
            return 1;
        }

        var found = Pairs(QueryTerms.Sequence(text));
        return asked.Count(found.Contains) / (double)asked.Count;
    }

    private static HashSet<(string, string)> Pairs(List<string> terms) =>
        [.. terms.Zip(terms.Skip(1), (a, b) => (a, b))];

    /// <summary>Returns the kind of answer the question's wording asks for.</summary>
    internal static AnswerType Expected(string question)
    {
        var q = question.ToLowerInvariant();
        return AsksNumber().IsMatch(q) ? AnswerType.Number
            : AsksDate().IsMatch(q) ? AnswerType.Date
            : AsksPerson().IsMatch(q) ? AnswerType.Name
            : AnswerType.None;
    }

    /// <summary>Returns whether the sentence holds an answer of the kind asked for.</summary>
    internal static bool Holds(string sentence, AnswerType type) => type switch
    {
        AnswerType.Number => Number().IsMatch(sentence) || NumberWord().IsMatch(sentence),
        AnswerType.Date => Year().IsMatch(sentence) || Month().IsMatch(sentence),
        AnswerType.Name => ProperName().IsMatch(sentence),
        _ => true,
    };

    /// <summary>The kinds of answer a question's wording asks for.</summary>
    public enum AnswerType
    {
        None,
        Number,
        Date,
        Name,
    }

    [GeneratedRegex(@"\b[\w-]*\d[\w.-]*")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\bhow (many|much|long|old|often|large|big|far|fast|high|low)\b|\b(percentage|proportion|fraction|ratio|rate|number|amount|size|dose|duration|temperature|mortality|fatality|incidence|prevalence)\b|\bwhat (per ?cent|%)")]
    private static partial Regex AsksNumber();

    [GeneratedRegex(@"^\s*when\b|\bwhat (year|month|date|day|time)\b|\bwhich (year|month)\b|\bsince when\b")]
    private static partial Regex AsksDate();

    [GeneratedRegex(@"^\s*who\b|\bwhich (authors?|researchers?|scientists?|people|persons?|organi[sz]ations?|countries|country|company|institutions?)\b")]
    private static partial Regex AsksPerson();

    [GeneratedRegex(@"(?<=\S\s+)(\p{Lu}[\p{L}\d-]{2,})")]
    private static partial Regex QuestionName();

    [GeneratedRegex(@"\d")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|dozen|several|majority)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(1[5-9]|20)\d\d\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")]
    private static partial Regex Month();

    // A capitalised word after the first, or an organisation's acronym: a name, or at least a proper noun.
    [GeneratedRegex(@"(?<=\S\s+)(\p{Lu}\p{Ll}+|\p{Lu}{2,})\b")]
    private static partial Regex ProperName();

    /// <summary>Formats a feature vector for a CSV line.</summary>
    internal static string Format(IEnumerable<double> features) => string.Join(',', features.Select(f => f.ToString("0.#####", CultureInfo.InvariantCulture)));
}
