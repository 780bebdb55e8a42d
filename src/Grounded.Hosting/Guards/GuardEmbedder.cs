using Grounded.Rag;
using Grounded.Rag.Embed;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Guards;

/// <summary>
/// The guards' embedder: the int8 arctic-embed-xs model, which the injection classifier was trained on. When the stack's
/// RAG core embeds with that same model (the default), the guards use the stack's own, opened once for everything on
/// first use; when it does not (float32 embeddings, <c>--no-quantize</c>) or cannot be opened, they load the int8 model
/// themselves, once, on first use. Nothing is loaded before a guard embeds.
/// </summary>
internal sealed class GuardEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Lazy<OnnxEmbeddingGenerator> _own;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private volatile bool _useOwn;

    /// <summary>Creates the embedder; <paramref name="stackIsInt8"/> says whether the stack's RAG core embeds with the int8 model.</summary>
    public GuardEmbedder(bool stackIsInt8, Func<OnnxEmbeddingGenerator>? load = null)
    {
        _useOwn = !stackIsInt8;
        _own = new Lazy<OnnxEmbeddingGenerator>(load ?? (() => EmbeddingModels.ArcticXs(quantized: true)), LazyThreadSafetyMode.ExecutionAndPublication);
        _metadata = new EmbeddingGeneratorMetadata("onnx", null, Profile.ModelId, Profile.Dimensions);
    }

    /// <summary>Gets the model the guards embed with.</summary>
    public static EmbeddingModelProfile Profile { get; } = ArcticXsModel.Profile(quantized: true);

    /// <summary>Gets or sets how the stack's RAG core is reached (set once the stack exists; until then the guards use their own model).</summary>
    public Func<CancellationToken, Task<LocalRag>>? Source { get; set; }

    /// <summary>Gets whether the guards loaded a model of their own.</summary>
    public bool LoadedOwnModel => _own.IsValueCreated;

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embedder = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        return await embedder.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType == typeof(EmbeddingModelProfile) ? Profile
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        // The stack's model belongs to the stack; only a model loaded here is ours to free.
        if (_own.IsValueCreated)
        {
            _own.Value.Dispose();
        }
    }

    private async ValueTask<IEmbeddingGenerator<string, Embedding<float>>> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!_useOwn && Source is { } source)
        {
            try
            {
                var rag = await source(cancellationToken).ConfigureAwait(false);
                if (rag.Embedder.Profile.ModelId == Profile.ModelId)
                {
                    return rag.Embedder;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A store that cannot be opened must not take the guards down with it: they need only the model.
            }

            _useOwn = true;
        }

        return _own.Value;
    }
}
