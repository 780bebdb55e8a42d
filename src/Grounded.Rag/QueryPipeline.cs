using System.Runtime.CompilerServices;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Stages;

namespace Grounded.Rag;

/// <summary>
/// rewrite → retrieve → rerank → guard → answer (→ verify, a decorator of the answer stage): asks a question of a store
/// and times each stage. With a rewriter the later stages search and judge with its text (the answer still carries the
/// question as asked); with a reranker the retriever fetches <c>rerankCandidates</c> chunks (at least top-k) and the
/// reranker keeps the best top-k of them; with an evidence guard, the kept chunks are checked (dropped, quoted, redacted)
/// before the answer stage, or a search's caller, sees them.
/// </summary>
public sealed class QueryPipeline
{
    private readonly IRetriever _retriever;
    private readonly IReranker? _reranker;
    private readonly int _rerankCandidates;
    private readonly IAnswerGenerator _generator;
    private readonly TimeProvider _time;
    private readonly IQueryRewriter? _rewriter;
    private readonly IEvidenceGuard? _guard;

    /// <summary>Creates the pipeline from its stages.</summary>
    public QueryPipeline(IRetriever retriever, IAnswerGenerator generator, TimeProvider? time = null)
        : this(retriever, null, 0, generator, time)
    {
    }

    /// <summary>
    /// Creates the pipeline from its stages, with an optional reranker over <paramref name="rerankCandidates"/> retrieved
    /// chunks, an optional rewriter in front, and an optional guard over the chunks kept.
    /// </summary>
    public QueryPipeline(IRetriever retriever, IReranker? reranker, int rerankCandidates, IAnswerGenerator generator, TimeProvider? time = null, IQueryRewriter? rewriter = null, IEvidenceGuard? guard = null)
    {
        _rewriter = rewriter;
        _guard = guard;
        _retriever = retriever;
        _reranker = reranker;
        _rerankCandidates = rerankCandidates;
        _generator = generator;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Returns the chunks most relevant to the query, best first.</summary>
    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(string query, int topK, CancellationToken cancellationToken = default)
    {
        return (await GatherAsync(query, topK, cancellationToken).ConfigureAwait(false)).Evidence;
    }

    /// <summary>
    /// Returns what <see cref="AskAsync"/> answers from: the question as searched (rewritten, e.g. its spelling
    /// corrected) and its top <paramref name="topK"/> chunks, for a caller that writes the answer itself, such as a stream.
    /// </summary>
    public async Task<(string SearchedFor, IReadOnlyList<ScoredChunk> Evidence)> GatherAsync(string question, int topK, CancellationToken cancellationToken = default)
    {
        var (searched, evidence, _) = await GatherGuardedAsync(question, topK, cancellationToken).ConfigureAwait(false);
        return (searched, evidence);
    }

    /// <summary>Answers a question from the top <paramref name="topK"/> chunks, with citations, or abstains.</summary>
    public async Task<GroundedAnswer> AskAsync(string question, int topK = 5, CancellationToken cancellationToken = default)
    {
        Validate(question, topK);
        var start = _time.GetTimestamp();
        (_generator as IWarmsUp)?.BeginWarmUp(); // e.g. load a model while retrieval runs
        var (searched, evidence, report) = await GatherGuardedAsync(question, topK, cancellationToken).ConfigureAwait(false);
        var retrieved = _time.GetTimestamp();
        var answer = await _generator.GenerateAsync(searched, evidence, cancellationToken).ConfigureAwait(false);
        return Compose(question, searched, answer, start, retrieved, report, evidence);
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
        var (searched, evidence, report) = await GatherGuardedAsync(question, topK, cancellationToken).ConfigureAwait(false);
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

        yield return AskUpdate.Final(Compose(question, searched, answer ?? throw new InvalidOperationException($"the answer stage '{_generator.Name}' ended its stream without an answer"), start, retrieved, report, evidence));
    }

    /// <summary>Returns the question as searched when a rewrite changed it, else null (what <see cref="GroundedAnswer.SearchedFor"/> holds).</summary>
    public static string? Rewritten(string question, string searched) => string.Equals(searched, question, StringComparison.Ordinal) ? null : searched;

    private GroundedAnswer Compose(string question, string searched, GeneratedAnswer answer, long start, long retrieved, RetrievalGuardReport? report, IReadOnlyList<ScoredChunk> evidence)
    {
        var done = _time.GetTimestamp();
        var timings = new AnswerTimings(
            Round(_time.GetElapsedTime(start, retrieved)), Round(_time.GetElapsedTime(retrieved, done)), Round(_time.GetElapsedTime(start, done)))
        {
            VerifyMs = answer.Grounding is { } grounding ? Math.Round(grounding.ElapsedMs, 1) : null,
        };
        return new GroundedAnswer(question, answer.Text, answer.Abstained, _generator.Name, answer.Abstained ? [] : answer.Citations, timings)
        {
            SearchedFor = Rewritten(question, searched),
            Usage = answer.Usage,
            Grounding = answer.Grounding,
            RetrievalGuards = report,
            TopRetrievalScore = evidence.Count == 0 ? null : evidence.Max(e => e.Score),
        };
    }

    // rewrite → retrieve → rerank → guard: what the answer stage sees, and what the guard did (null without one).
    private async Task<(string Searched, IReadOnlyList<ScoredChunk> Evidence, RetrievalGuardReport? Report)> GatherGuardedAsync(string question, int topK, CancellationToken cancellationToken)
    {
        Validate(question, topK);
        var searched = await RewriteAsync(question, cancellationToken).ConfigureAwait(false);
        var evidence = await RetrieveAsync(searched, topK, cancellationToken).ConfigureAwait(false);
        if (_guard is null)
        {
            return (searched, evidence, null);
        }

        var (guarded, report) = await _guard.GuardAsync(evidence, cancellationToken).ConfigureAwait(false);
        return (searched, guarded, report);
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
