using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Stages;

namespace Grounded.Rag;

/// <summary>retrieve → answer: asks a question of a store and times each stage.</summary>
public sealed class QueryPipeline
{
    private readonly IRetriever _retriever;
    private readonly IAnswerGenerator _generator;
    private readonly TimeProvider _time;

    /// <summary>Creates the pipeline from its stages.</summary>
    public QueryPipeline(IRetriever retriever, IAnswerGenerator generator, TimeProvider? time = null)
    {
        _retriever = retriever;
        _generator = generator;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Returns the chunks most relevant to the query, best first.</summary>
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(string query, int topK, CancellationToken cancellationToken = default)
    {
        Validate(query, topK);
        return _retriever.RetrieveAsync(query, topK, cancellationToken);
    }

    /// <summary>Answers a question from the top <paramref name="topK"/> chunks, with citations, or abstains.</summary>
    public async Task<GroundedAnswer> AskAsync(string question, int topK = 5, CancellationToken cancellationToken = default)
    {
        Validate(question, topK);
        var start = _time.GetTimestamp();
        var evidence = await _retriever.RetrieveAsync(question, topK, cancellationToken).ConfigureAwait(false);
        var retrieved = _time.GetTimestamp();
        var answer = await _generator.GenerateAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        var done = _time.GetTimestamp();
        var timings = new AnswerTimings(
            Round(_time.GetElapsedTime(start, retrieved)), Round(_time.GetElapsedTime(retrieved, done)), Round(_time.GetElapsedTime(start, done)));
        return new GroundedAnswer(question, answer.Text, answer.Abstained, _generator.Name, answer.Abstained ? [] : answer.Citations, timings);
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
            throw new ArgumentOutOfRangeException(nameof(topK), topK, "--top-k must be between 1 and 1000");
        }
    }
}
