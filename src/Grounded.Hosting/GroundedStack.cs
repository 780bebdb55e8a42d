using System.Runtime.CompilerServices;
using Grounded.Answers;
using Grounded.Gateway;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Pipeline;
using Grounded.Hosting.Ask;
using Grounded.Hosting.Config;
using Grounded.Rag;
using Grounded.Rag.Answer;
using Grounded.Storage;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting;

/// <summary>
/// The composition root: the RAG core (store, embedding models, query pipelines, answerers) and the gateway (the one
/// request pipeline in front of the models), built once from one <see cref="GroundedOptions"/>. <c>grounded ask</c> and
/// <c>POST /v1/ask</c> both answer through <see cref="AskAsync"/>, so they take the same options and return the same
/// object; the streamed answer goes through the same pipeline as the whole one.
/// </summary>
public sealed class GroundedStack : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private LocalRag? _rag;

    private GroundedStack(GroundedOptions options, ModelGateway gateway)
    {
        Options = options with { Rag = options.Rag with { Stores = Stores.All } };
        Gateway = gateway;
    }

    /// <summary>Gets the options the stack was built from.</summary>
    public GroundedOptions Options { get; }

    /// <summary>Gets the gateway: every configured model behind the one request pipeline.</summary>
    public ModelGateway Gateway { get; }

    /// <summary>Gets whether the store and model are open (the first question or upload opens them).</summary>
    public bool IsRagOpen => Volatile.Read(ref _rag) is not null;

    /// <summary>Builds the stack; <paramref name="gateway"/> adds request stages to the gateway (identity, limits, guards, caches) before it is built.</summary>
    public static GroundedStack Create(GroundedOptions options, Action<GatewayBuilder>? gateway = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new GatewayBuilder(options.Gateway) { Time = time ?? TimeProvider.System };
        gateway?.Invoke(builder);
        return new GroundedStack(options, builder.Build());
    }

    /// <summary>Opens the store and loads the embedding model on first use, once; a failed open is tried again on the next call.</summary>
    public async Task<LocalRag> GetRagAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _rag) is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _rag ??= await LocalRag.OpenAsync(Options.Rag, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Answers a question with citations, or abstains; throws <see cref="InvalidRequestException"/> for a bad request before any work.</summary>
    public async Task<GroundedAnswer> AskAsync(AskRequest request, GatewayContext? context = null, CancellationToken cancellationToken = default)
    {
        var (question, topK, query) = Resolve(request, context);
        var rag = await GetRagAsync(cancellationToken).ConfigureAwait(false);
        return Presented(await rag.QueryWith(query).AskAsync(question, topK, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Answers like <see cref="AskAsync"/>, as the answer is written: pieces of text, then the whole answer.</summary>
    public async IAsyncEnumerable<AskUpdate> AskStreamingAsync(AskRequest request, GatewayContext? context = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (question, topK, query) = Resolve(request, context);
        var rag = await GetRagAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in rag.QueryWith(query).AskStreamingAsync(question, topK, cancellationToken).ConfigureAwait(false))
        {
            yield return update.Answer is { } answer ? AskUpdate.Final(Presented(answer)) : update;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        if (_rag is not null)
        {
            await _rag.DisposeAsync().ConfigureAwait(false);
        }

        _opening.Dispose();
    }

    // Scores to four decimals: what the CLI prints and the API returns alike.
    private static GroundedAnswer Presented(GroundedAnswer answer) =>
        answer with { Citations = answer.Citations.Select(c => c with { Score = Math.Round(c.Score, 4) }).ToList() };

    // Checks the request against the configuration before anything is opened or called.
    private (string Question, int TopK, QueryOptions Query) Resolve(AskRequest request, GatewayContext? context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw new InvalidRequestException("question is required", "question");
        }

        var topK = request.TopK ?? Options.TopK;
        if (topK is < 1 or > 1000)
        {
            throw new InvalidRequestException($"topK must be between 1 and 1000 (got {topK})", "topK");
        }

        if (request.Rerank is < 0 or > 1000)
        {
            throw new InvalidRequestException($"rerank must be between 0 and 1000 (got {request.Rerank})", "rerank");
        }

        if (request.Mmr is < 0 or > 1 || (request.Mmr is { } mmr && double.IsNaN(mmr)))
        {
            throw new InvalidRequestException($"mmr must be between 0 and 1 (got {request.Mmr})", "mmr");
        }

        var mode = request.Mode is null ? (Rag.Retrieve.RetrievalMode?)null
            : RagConfigValidator.ParseMode(request.Mode) ?? throw new InvalidRequestException($"mode must be hybrid, dense or keyword (got '{request.Mode}')", "mode");
        var model = string.IsNullOrEmpty(request.Model) ? Options.AskModel : request.Model;
        Stages.IAnswerGenerator? answerer = null;
        if (model is not null)
        {
            if (Gateway.Options.Find(model) is null)
            {
                throw InvalidRequestException.UnknownModel(model, Gateway.Options.Models.Select(m => m.Name));
            }

            var options = new ChatOptions { Temperature = 0, ModelId = model };
            answerer = new ChatAnswerGenerator(Gateway.Client, model, context?.AttachTo(options) ?? options);
        }

        if (context is not null)
        {
            context.RequestedModel = model;
            context.Stream = request.Stream;
        }

        return (request.Question, topK, new QueryOptions
        {
            Mode = mode,
            RerankCandidates = request.Rerank,
            Diversity = request.Mmr,
            Filter = new SearchFilter { Collection = request.Collection, SourcePrefix = request.SourcePrefix, Tags = request.Tags ?? [] },
            Answerer = answerer,
        });
    }
}
