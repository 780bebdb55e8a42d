using System.Runtime.CompilerServices;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Stages;

namespace Grounded.Rag;

/// <summary>
/// rewrite → retrieve → rerank → answer: asks a question of a store and times each stage. With a rewriter the later
/// stages search and judge with its text (the answer still carries the question as asked); with a reranker the
/// retriever fetches <c>rerankCandidates</c> chunks (at least top-k) and the reranker keeps the best top-k of them.
/// </summary>
public sealed class QueryPipeline
{
    private readonly IRetriever _retriever;
    private readonly IReranker? _reranker;
    private readonly int _rerankCandidates;
    private readonly IAnswerGenerator _generator;
    private readonly TimeProvider _time;
    private readonly IQueryRewriter? _rewriter;

    /// <summary>Creates the pipeline from its stages.</summary>
    public QueryPipeline(IRetriever retriever, IAnswerGenerator generator, TimeProvider? time = null)
        : this(retriever, null, 0, generator, time)
    {
    }

    /// <summary>Creates the pipeline from its stages, with an optional reranker over <paramref name="rerankCandidates"/> retrieved chunks and an optional rewriter in front.</summary>
    public QueryPipeline(IRetriever retriever, IReranker? reranker, int rerankCandidates, IAnswerGenerator generator, TimeProvider? time = null, IQueryRewriter? rewriter = null)
    {
        _rewriter = rewriter;
        _retriever = retriever;
        _reranker = reranker;
        _rerankCandidates = rerankCandidates;
        _generator = generator;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Returns the chunks most relevant to the query, best first.</summary>
    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(string query, int topK, CancellationToken cancellationToken = default)
    {
        Validate(query, topK);
        return await RetrieveAsync(await RewriteAsync(query, cancellationToken).ConfigureAwait(false), topK, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns what <see cref="AskAsync"/> answers from: the question as searched (rewritten, e.g. its spelling
    /// corrected) and its top <paramref name="topK"/> chunks, for a caller that writes the answer itself, such as a stream.
    /// </summary>
    public async Task<(string SearchedFor, IReadOnlyList<ScoredChunk> Evidence)> GatherAsync(string question, int topK, CancellationToken cancellationToken = default)
    {
        Validate(question, topK);
        var searched = await RewriteAsync(question, cancellationToken).ConfigureAwait(false);
        return (searched, await RetrieveAsync(searched, topK, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Answers a question from the top <paramref name="topK"/> chunks, with citations, or abstains.</summary>
    public async Task<GroundedAnswer> AskAsync(string question, int topK = 5, CancellationToken cancellationToken = default)
    {
        Validate(question, topK);
        var start = _time.GetTimestamp();
        (_generator as IWarmsUp)?.BeginWarmUp(); // e.g. load a model while retrieval runs
        var (searched, evidence) = await GatherAsync(question, topK, cancellationToken).ConfigureAwait(false);
        var retrieved = _time.GetTimestamp();
        var answer = await _generator.GenerateAsync(searched, evidence, cancellationToken).ConfigureAwait(false);
        return Compose(question, searched, answer, start, retrieved);
    }

    /// <summary>
    /// Answers like <see cref="AskAsync"/> as the answer stage writes it: pieces of text, then the whole answer (citations
    /// checked, timings, what was searched for) as the last update. The same stages run, in the same order.
    /// </summary>
    public async IAsyncEnumerable<AskUpdate> AskStreamingAsync(string question, int topK = 5, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Validate(question, topK);
        var start = _time.GetTimestamp();
        (_generator as IWarmsUp)?.BeginWarmUp();
        var (searched, evidence) = await GatherAsync(question, topK, cancellationToken).ConfigureAwait(false);
        var retrieved = _time.GetTimestamp();
        GeneratedAnswer? answer = null;
        await foreach (var update in _generator.GenerateStreamingAsync(searched, evidence, cancellationToken).ConfigureAwait(false))
        {
            if (update.Delta is { Length: > 0 } delta)
            {
                yield return AskUpdate.Text(delta);
            }

            answer = update.Answer ?? answer;
        }

        yield return AskUpdate.Final(Compose(question, searched, answer ?? throw new InvalidOperationException($"the answer stage '{_generator.Name}' ended its stream without an answer"), start, retrieved));
    }

    /// <summary>Returns the question as searched when a rewrite changed it, else null (what <see cref="GroundedAnswer.SearchedFor"/> holds).</summary>
    public static string? Rewritten(string question, string searched) => string.Equals(searched, question, StringComparison.Ordinal) ? null : searched;

    private GroundedAnswer Compose(string question, string searched, GeneratedAnswer answer, long start, long retrieved)
    {
        var done = _time.GetTimestamp();
        var timings = new AnswerTimings(
            Round(_time.GetElapsedTime(start, retrieved)), Round(_time.GetElapsedTime(retrieved, done)), Round(_time.GetElapsedTime(start, done)));
        return new GroundedAnswer(question, answer.Text, answer.Abstained, _generator.Name, answer.Abstained ? [] : answer.Citations, timings)
        {
            SearchedFor = Rewritten(question, searched),
            Usage = answer.Usage,
        };
    }

    private Task<string> RewriteAsync(string query, CancellationToken cancellationToken) =>
        _rewriter is null ? Task.FromResult(query) : _rewriter.RewriteAsync(query, cancellationToken);

    private async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
    {
        if (_reranker is null)
        {
            return await _retriever.RetrieveAsync(query, topK, cancellationToken).ConfigureAwait(false);
        }

        var candidates = await _retriever.RetrieveAsync(query, Math.Max(topK, _rerankCandidates), cancellationToken).ConfigureAwait(false);
        return await _reranker.RerankAsync(query, candidates, topK, cancellationToken).ConfigureAwait(false);
    }

    private static double Round(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);

    private static void Validate(string text, int topK)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("the question is empty", nameof(text));
        }

        if (topK is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(topK), topK, "topK must be between 1 and 1000");
        }
    }
}
