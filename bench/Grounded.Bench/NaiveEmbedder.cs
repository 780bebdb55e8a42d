using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Grounded.Bench;

/// <summary>
/// The baseline a first attempt would write: default session options, one text per Run, no batching. It exists to
/// show what the product's batching and quantization buy, so it must stay plain.
/// </summary>
internal sealed class NaiveEmbedder : IDisposable
{
    private const int MaxTokens = 512;
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;

    public NaiveEmbedder(byte[] model, Stream vocabulary)
    {
        _session = new InferenceSession(model);
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
    }

    /// <summary>Embeds one text and returns its L2-normalised CLS vector.</summary>
    public float[] Embed(string text)
    {
        var wordPieces = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        long[] ids = [_tokenizer.ClassificationTokenId, .. wordPieces.Take(MaxTokens - 2).Select(i => (long)i), _tokenizer.SeparatorTokenId];
        var length = ids.Length;
        int[] shape = [1, length];
        var inputIds = new DenseTensor<long>(ids, shape);
        var mask = new DenseTensor<long>(Enumerable.Repeat(1L, length).ToArray(), shape);
        var types = new DenseTensor<long>(new long[length], shape);
        using var outputs = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        ]);
        var hidden = outputs[0].AsEnumerable<float>().Take(384).ToArray();
        TensorPrimitives.Divide(hidden, TensorPrimitives.Norm(hidden), hidden);
        return hidden;
    }

    public void Dispose() => _session.Dispose();
}
