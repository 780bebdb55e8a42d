using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Grounded.Rag.Embed;

/// <summary>
/// Embeds text with a BERT-style ONNX model: WordPiece tokens in, one L2-normalised vector out, pooled as the model was
/// trained (<see cref="EmbeddingPooling"/>: the CLS state for arctic-embed, the mean of the token states for all-MiniLM).
/// Inputs are sorted by length and batched so padding stays small.
/// </summary>
/// <remarks>
/// On CPU, batching pays only for short texts: a batch's activations must stay cache-sized, so the default budget is
/// 512 padded tokens (a 400-token passage runs alone; 30 queries share a Run). On 2 cores a budget of 8,192 was
/// 25–45% slower than 512, on short and long texts alike (see docs/benchmarks.md).
/// </remarks>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    internal const int DefaultMaxBatchSize = 32;
    internal const int DefaultMaxBatchTokens = 512;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly int _maxBatchTokens;
    private readonly int _maxBatchSize;
    private readonly bool _hasTokenTypes;

    /// <summary>Creates a generator over an ONNX model and its WordPiece vocabulary.</summary>
    /// <param name="model">The ONNX model bytes.</param>
    /// <param name="vocabulary">The model's vocab.txt.</param>
    /// <param name="profile">The model's identity and limits.</param>
    /// <param name="maxBatchSize">The most texts run in one batch.</param>
    /// <param name="maxBatchTokens">The most padded tokens run in one batch.</param>
    /// <param name="intraOpThreads">The threads ONNX Runtime uses inside one operator; 0 uses every core the process may use.</param>
    public OnnxEmbeddingGenerator(
        byte[] model,
        Stream vocabulary,
        EmbeddingModelProfile profile,
        int maxBatchSize = DefaultMaxBatchSize,
        int maxBatchTokens = DefaultMaxBatchTokens,
        int intraOpThreads = 0)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _maxBatchSize = maxBatchSize;
        _maxBatchTokens = maxBatchTokens;
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = intraOpThreads > 0 ? intraOpThreads : Environment.ProcessorCount,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };

        // Idle ORT threads normally spin waiting for work; when anything else wants a core (another process, or
        // our own tokenizing and store writes) a spinning pool loses over half its speed, so let them sleep instead.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(model, options);
        _hasTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        _metadata = new EmbeddingGeneratorMetadata("onnx", null, profile.ModelId, profile.Dimensions);
    }

    /// <summary>Gets the model's identity and limits.</summary>
    public EmbeddingModelProfile Profile { get; }

    /// <summary>Counts the model's tokens in a text, including the two special tokens, capped at the model's limit.</summary>
    public int CountTokens(string text) => Math.Min(Profile.MaxTokens, _tokenizer.CountTokens(text) + 2);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var tokenized = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            tokenized[i] = Tokenize(texts[i]);
        }

        var vectors = new float[texts.Count][];
        foreach (var batch in LengthBatches(tokenized))
        {
            cancellationToken.ThrowIfCancellationRequested();
            RunBatch(tokenized, batch, vectors);
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = Profile.ModelId }));
        result.Usage = new UsageDetails { InputTokenCount = tokenized.Sum(t => (long)t.Length) };
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType == typeof(EmbeddingModelProfile) ? Profile
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private int[] Tokenize(string text)
    {
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        var length = Math.Min(ids.Count, Profile.MaxTokens - 2);
        var tokens = new int[length + 2];
        tokens[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < length; i++)
        {
            tokens[i + 1] = ids[i];
        }

        tokens[^1] = _tokenizer.SeparatorTokenId;
        return tokens;
    }

    // Sorting by length keeps padding small; the cap on padded tokens keeps attention's memory bounded.
    private IEnumerable<int[]> LengthBatches(int[][] tokenized)
    {
        var order = Enumerable.Range(0, tokenized.Length).OrderBy(i => tokenized[i].Length).ToArray();
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end < order.Length && end - start < _maxBatchSize
                   && (end - start + 1) * tokenized[order[end]].Length <= Math.Max(_maxBatchTokens, tokenized[order[end]].Length))
            {
                end++;
            }

            yield return order[start..end];
            start = end;
        }
    }

    private void RunBatch(int[][] tokenized, int[] batch, float[][] vectors)
    {
        var seq = batch.Max(i => tokenized[i].Length);
        var size = batch.Length * seq;
        var ids = new long[size];
        var mask = new long[size];
        for (var b = 0; b < batch.Length; b++)
        {
            var tokens = tokenized[batch[b]];
            for (var t = 0; t < tokens.Length; t++)
            {
                ids[(b * seq) + t] = tokens[t];
                mask[(b * seq) + t] = 1;
            }
        }

        int[] shape = [batch.Length, seq];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
        };
        if (_hasTokenTypes)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[size], shape)));
        }

        using var outputs = _session.Run(inputs);
        var hidden = outputs[0].AsTensor<float>() as DenseTensor<float> ?? throw new InvalidOperationException("The embedding model returned no dense output.");
        var span = hidden.Buffer.Span;
        var dim = Profile.Dimensions;
        for (var b = 0; b < batch.Length; b++)
        {
            var vector = Pool(span.Slice(b * seq * dim, seq * dim), tokenized[batch[b]].Length, dim);
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            vectors[batch[b]] = vector;
        }
    }

    // The sequence's states are [seq × dim]; only its first `length` tokens are real (the rest is padding).
    private float[] Pool(ReadOnlySpan<float> states, int length, int dim)
    {
        if (Profile.Pooling == EmbeddingPooling.Cls)
        {
            return states[..dim].ToArray();
        }

        var sum = new float[dim];
        for (var t = 0; t < length; t++)
        {
            TensorPrimitives.Add(sum, states.Slice(t * dim, dim), sum);
        }

        TensorPrimitives.Divide(sum, length, sum);
        return sum;
    }
}
