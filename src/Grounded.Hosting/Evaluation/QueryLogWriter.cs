using Grounded.Access;
using Grounded.Answers;
using Grounded.Gateway.Context;
using Grounded.Guards;
using Grounded.Hosting.Usage;
using Grounded.Rag;
using Grounded.Usage;

namespace Grounded.Hosting.Evaluation;

/// <summary>
/// Writes the query log (for <c>grounded eval drift</c>) off the request path: an answered question is queued with its
/// signals and the request returns; the writer's loop embeds the questions (a cache hit when the answer searched
/// densely) and appends the rows in batches. Only the embedding is stored, never the question's text.
/// </summary>
public sealed class QueryLogWriter : IAsyncDisposable
{
    private readonly BatchedWriter<Pending> _writer;
    private readonly TimeProvider _time;

    /// <summary>Starts the writer over the RAG core (for the embedding model) and the store's query log.</summary>
    public QueryLogWriter(Func<CancellationToken, Task<LocalRag>> rag, Func<CancellationToken, Task<IAccessStore>> log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rag);
        ArgumentNullException.ThrowIfNull(log);
        _time = time;
        _writer = new BatchedWriter<Pending>(async (batch, ct) =>
        {
            var core = await rag(ct).ConfigureAwait(false);
            var rows = new List<QueryLogRecord>(batch.Count);
            foreach (var item in batch)
            {
                rows.Add(item.Row with { Embedding = await core.EmbedQuestionAsync(item.Question, ct).ConfigureAwait(false) });
            }

            await (await log(ct).ConfigureAwait(false)).LogQueriesAsync(rows, ct).ConfigureAwait(false);
        }, time);
    }

    /// <summary>Gets how many rows were written.</summary>
    public long Written => _writer.Written;

    /// <summary>Gets how many rows were dropped (the queue full, or the store down at shutdown).</summary>
    public long Dropped => _writer.Dropped;

    /// <summary>Gets the last write failure, null once a write succeeds again.</summary>
    public Exception? LastError => _writer.LastError;

    /// <summary>Queues the row of an answered question; never blocks.</summary>
    public void Add(GroundedAnswer answer, GatewayContext? context)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var guards = context?.Guards.Count(g => g.Action != GuardActions.Allow) ?? 0;
        if (answer.RetrievalGuards is { } report)
        {
            guards += report.Dropped + report.Quoted + report.Flagged + report.PiiFound;
        }

        var row = new QueryLogRecord(_time.GetUtcNow(), context?.Tenant ?? Tenants.Default, [])
        {
            TopScore = answer.TopRetrievalScore,
            Abstained = answer.Abstained,
            GuardTriggers = guards,
            GroundingScore = answer.Abstained ? null : answer.Grounding?.Confidence,
        };
        _writer.Add(new Pending(answer.SearchedFor ?? answer.Question, row));
    }

    /// <summary>Waits until every row queued so far is written.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    // The question is held only until it is embedded.
    private sealed record Pending(string Question, QueryLogRecord Row);
}
