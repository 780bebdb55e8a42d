using System.Numerics.Tensors;
using Grounded.Rag.Embed;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using Xunit.Abstractions;

namespace Grounded.Rag.Tests.Embed;

public sealed class Int8QuantizerTests(ArcticXsFloatAndInt8 models, ITestOutputHelper output) : IClassFixture<ArcticXsFloatAndInt8>
{
    private static readonly float[] X = [0.3f, -1.2f, 0.8f, 0.05f, -0.7f, 0.4f, 1.5f, -0.2f];
    private static readonly float[] Z = [0.2f, -0.4f, 0.9f, 0.1f, -0.3f, 0.6f];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RewritesWeightMatMulsAndLeavesActivationMatMulsAlone(bool floatData)
    {
        var model = ModelProto.Parser.ParseFrom(Int8Quantizer.Quantize(TinyOnnxModels.LinearThenAttentionLike(floatData)));

        var linear = Assert.Single(model.Graph.Node, n => n.OpType == "DynamicQuantizeMatMul");
        Assert.Equal("com.microsoft", linear.Domain);
        Assert.Equal(["x", "w_quantized", "w_scale", "w_zero_point", "b"], linear.Input);
        Assert.Equal(["h"], linear.Output);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Add");
        Assert.Single(model.Graph.Node, n => n.OpType == "MatMul" && n.Input[1] == "z");
        Assert.DoesNotContain(model.Graph.Initializer, t => t.Name == "w");
        Assert.Contains(model.OpsetImport, o => o.Domain == "com.microsoft" && o.Version == 1);
    }

    [Fact]
    public void QuantizesEachColumnSymmetricallyWithItsOwnScale()
    {
        var model = ModelProto.Parser.ParseFrom(Int8Quantizer.Quantize(TinyOnnxModels.LinearThenAttentionLike()));
        var scales = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(model.Graph.Initializer.Single(t => t.Name == "w_scale").RawData.Span);
        var weights = model.Graph.Initializer.Single(t => t.Name == "w_quantized").RawData.Span;

        // Column maxima are 1, 0 (an all-zero column keeps a usable scale of 1) and 0.9.
        Assert.Equal([1f / 127, 1f, 0.9f / 127], scales.ToArray());
        Assert.Equal(127, (sbyte)weights[6]);
        Assert.Equal(127, (sbyte)weights[5]);
        Assert.Equal(-85, (sbyte)weights[11]);
        Assert.All(model.Graph.Initializer.Single(t => t.Name == "w_zero_point").RawData.ToByteArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void RunsInOnnxRuntimeAndMatchesTheFloatModel()
    {
        var expected = RunTiny(TinyOnnxModels.LinearThenAttentionLike());
        var actual = RunTiny(Int8Quantizer.Quantize(TinyOnnxModels.LinearThenAttentionLike()));

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 0.03f, $"output {i}: float {expected[i]}, int8 {actual[i]}");
        }
    }

    [Fact]
    public async Task KeepsEveryInt8EmbeddingWithinCosine099OfTheFloatOne()
    {
        var (texts, source) = EmbeddingSampleTexts.Load(50);
        var cosines = await CosinesAsync(texts);

        output.WriteLine($"{texts.Count} texts from {source}: cosine float32↔int8 min {cosines.Min():F4}, mean {cosines.Average():F4}");
        Assert.True(texts.Count >= 40, $"only {texts.Count} sample texts");
        Assert.All(cosines.Select((c, i) => (c, i)), x => Assert.True(x.c >= 0.99f, $"cosine {x.c:F4} for: {texts[x.i]}"));
    }

    [Fact]
    public async Task RanksPassagesForAQueryInTheSameOrderAsTheFloatModel()
    {
        string[] passages =
        [
            "Coronaviruses are enveloped RNA viruses that spread mainly through respiratory droplets.",
            "Hand washing with soap for at least twenty seconds removes most germs from the skin.",
            "The stock market fell sharply after the central bank raised interest rates.",
            "Penguins live almost exclusively in the Southern Hemisphere, especially in Antarctica.",
            "A vaccine's efficacy is measured in trials by comparing infection rates with a placebo group.",
            "Sourdough bread rises because of wild yeast and lactic acid bacteria in the starter.",
        ];
        string[] queries = ["how is the virus transmitted", "how well do vaccines work", "where do penguins live", "why did stocks drop"];

        foreach (var query in queries)
        {
            var floatOrder = await RankAsync(models.Float, query, passages);
            var int8Order = await RankAsync(models.Int8, query, passages);
            output.WriteLine($"{query}: float {string.Join(",", floatOrder)} int8 {string.Join(",", int8Order)}");

            // The top three carry the answer; the tail holds near-ties between unrelated passages.
            Assert.Equal(floatOrder.Take(3), int8Order.Take(3));
        }
    }

    private async Task<float[]> CosinesAsync(IReadOnlyList<string> texts)
    {
        var floatVectors = await models.Float.GenerateAsync(texts);
        var int8Vectors = await models.Int8.GenerateAsync(texts);
        return floatVectors.Zip(int8Vectors, (f, q) => TensorPrimitives.CosineSimilarity(f.Vector.Span, q.Vector.Span)).ToArray();
    }

    private static async Task<int[]> RankAsync(OnnxEmbeddingGenerator generator, string query, string[] passages)
    {
        var q = (await generator.GenerateAsync([generator.Profile.QueryPrefix + query]))[0].Vector;
        var p = await generator.GenerateAsync(passages);
        return Enumerable.Range(0, passages.Length).OrderByDescending(i => TensorPrimitives.Dot(q.Span, p[i].Vector.Span)).ToArray();
    }

    private static float[] RunTiny(byte[] model)
    {
        using var session = new InferenceSession(model);
        using var outputs = session.Run(
        [
            NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(X, [2, 4])),
            NamedOnnxValue.CreateFromTensor("z", new DenseTensor<float>(Z, [3, 2])),
        ]);
        return [.. outputs.SelectMany(o => o.AsEnumerable<float>())];
    }
}
