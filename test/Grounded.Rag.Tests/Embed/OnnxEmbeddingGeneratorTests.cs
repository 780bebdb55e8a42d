using System.Numerics.Tensors;
using Grounded.Rag.Embed;
using Grounded.Rag.Tests.Support;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Tests.Embed;

[Collection(nameof(ArcticXsFixture))]
public sealed class OnnxEmbeddingGeneratorTests(ArcticXsFixture model)
{
    private readonly OnnxEmbeddingGenerator _embedder = model.Embedder;

    [Fact]
    public async Task ReturnsOneUnitLength384DimensionVectorPerText()
    {
        string[] texts = ["short", "A somewhat longer sentence about the tides of the North Sea.", "", "数字 and émojis 🚀"];

        var embeddings = await _embedder.GenerateAsync(texts);

        Assert.Equal(texts.Length, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(384, e.Vector.Length));
        Assert.All(embeddings, e => Assert.Equal(1.0, TensorPrimitives.Norm(e.Vector.Span), 4));
        Assert.All(embeddings, e => Assert.Equal("snowflake-arctic-embed-xs", e.ModelId));
    }

    [Theory]
    [InlineData("What causes ocean tides?", "Tides are caused by the gravitational pull of the Moon and the Sun on the oceans.", "Bread dough rises because yeast ferments sugars and releases carbon dioxide.")]
    [InlineData("How do vaccines protect people?", "Vaccines train the immune system to recognise a pathogen by exposing it to a harmless antigen.", "The stock market closed higher on Friday after strong earnings reports.")]
    [InlineData("When was the Eiffel Tower built?", "The Eiffel Tower was constructed between 1887 and 1889 for the World's Fair in Paris.", "Bananas are rich in potassium and vitamin B6.")]
    [InlineData("how to reset a forgotten password", "To reset your password, click 'Forgot password' on the sign-in page and follow the emailed link.", "Our office is closed on public holidays and weekends.")]
    public async Task ScoresARelevantPassageAboveAnIrrelevantOneForAPrefixedQuery(string query, string relevant, string irrelevant)
    {
        var embeddings = await _embedder.GenerateAsync([ArcticXsModel.QueryPrefix + query, relevant, irrelevant]);

        var toRelevant = TensorPrimitives.Dot(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var toIrrelevant = TensorPrimitives.Dot(embeddings[0].Vector.Span, embeddings[2].Vector.Span);

        Assert.True(toRelevant > toIrrelevant + 0.05, $"relevant {toRelevant:0.000}, irrelevant {toIrrelevant:0.000}");
    }

    [Fact]
    public async Task EmbedsTheSameInABatchAsOneAtATime()
    {
        string[] texts =
        [
            "One.",
            "Solar panels convert sunlight into electricity.",
            "A much longer passage that goes on for a while, describing how photovoltaic cells made of doped silicon separate charge carriers when photons arrive.",
            "Bread rises.",
            "Represent this sentence for searching relevant passages: why is the sky blue",
        ];
        using var smallBatches = new OnnxEmbeddingGenerator(ArcticXsModel.ReadModel(), ArcticXsModel.OpenVocabulary(), ArcticXsModel.Profile(false), maxBatchSize: 2);

        var together = await _embedder.GenerateAsync(texts);
        var pairs = await smallBatches.GenerateAsync(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = await _embedder.GenerateVectorAsync(texts[i]);
            Assert.True(TensorPrimitives.CosineSimilarity(alone.Span, together[i].Vector.Span) > 0.999, $"batched text {i} differs");
            Assert.True(TensorPrimitives.CosineSimilarity(alone.Span, pairs[i].Vector.Span) > 0.999, $"pair-batched text {i} differs");
        }
    }

    [Fact]
    public async Task TruncatesInputsLongerThan512TokensWithoutError()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"tide{i % 50} moon"));

        var embeddings = await _embedder.GenerateAsync([words, words + " and a different ending about bread and yeast"]);

        Assert.Equal(512, _embedder.CountTokens(words));
        Assert.All(embeddings, e => Assert.Equal(1.0, TensorPrimitives.Norm(e.Vector.Span), 4));
        Assert.True(TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span) > 0.9999, "text past the limit changed the vector");
    }

    [Fact]
    public void AnswersItsProfileAndMetadataAsServices()
    {
        Assert.Equal(ArcticXsModel.Profile(false), _embedder.GetService<EmbeddingModelProfile>());
        var metadata = _embedder.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(("snowflake-arctic-embed-xs", 384), (metadata!.DefaultModelId, metadata.DefaultModelDimensions));
        Assert.Null(_embedder.GetService<EmbeddingModelProfile>(serviceKey: "other"));
    }

    [Fact]
    public async Task StopsWhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _embedder.GenerateAsync(["anything"], cancellationToken: cancellation.Token));
    }
}
