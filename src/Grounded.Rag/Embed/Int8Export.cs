using System.Numerics.Tensors;

namespace Grounded.Rag.Embed;

/// <summary>
/// Makes the int8 model files the CLI ships (<see cref="ShippedModelFiles"/>): quantizes the packaged float32 model,
/// embeds sample texts with both, and writes the int8 model and its vocabulary only when every embedding stays within a
/// cosine of <see cref="MinimumCosine"/> of the float32 one, so a broken quantizer fails the build, not a user's search.
/// </summary>
internal static class Int8Export
{
    /// <summary>The lowest cosine allowed between an int8 and a float32 embedding of the same text.</summary>
    /// <remarks>
    /// A broken export lands far below (a model of the same shape that is not the float one's twin falls to 0.25); a
    /// sound one stays above 0.997 for arctic-embed-xs and 0.989 for all-MiniLM-L6-v2, whose int8 twin drifts most on
    /// short queries: 0.99 would fail good builds, and 0.98 still stops a bad one.
    /// </remarks>
    public const float MinimumCosine = 0.98f;

    // Queries (given the model's instruction), sentences and one passage longer than a chunk window: the shapes embedded.
    private static readonly string[] Queries =
    [
        "How does Grounded decide to abstain?",
        "what is the incubation period of the virus",
        "Which programming language should I learn first for data analysis?",
    ];

    private static readonly string[] Passages =
    [
        "Grounded answers questions from your documents with citations, and says so when they do not answer it.",
        "The incubation period ranged from two to fourteen days, with a median of five days.",
        "Photosynthesis converts light energy into chemical energy stored in glucose.",
        "The contract may be terminated by either party with thirty days' written notice.",
        "Interest rates were left unchanged as inflation continued to ease toward the target.",
        "Hybrid retrieval fuses the ranks of a keyword search and a vector search, so an exact term and a paraphrase both "
            + "find their passage. Each chunk is embedded as windows of whole sentences, about 128 tokens each, and search "
            + "scores a chunk by its best window. The reranker then judges the candidates' sentences one by one, and the "
            + "answerer keeps the sentences that both embedding models agree answer the question; when none is close "
            + "enough, it abstains and says which documents came nearest instead of guessing.",
    ];

    /// <summary>
    /// Exports <paramref name="package"/>'s model as <paramref name="quantize"/> makes it into <paramref name="target"/>;
    /// returns the lowest cosine found. Throws <see cref="InvalidDataException"/>, writing nothing, when it is too low.
    /// </summary>
    public static async Task<float> ExportAsync(
        PackagedModel package, Func<bool, EmbeddingModelProfile> profile, ShippedModelFiles target, Func<byte[], byte[]> quantize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(quantize);
        var floatModel = package.ReadModel();
        var int8Model = quantize(floatModel);
        var (lowest, text) = await LowestCosineAsync(package, profile, floatModel, int8Model, cancellationToken).ConfigureAwait(false);
        if (!(lowest >= MinimumCosine)) // written so, a NaN (an all-zero vector) fails too
        {
            throw new InvalidDataException(
                $"the int8 model of {package.Name} strays too far from its float32 original: cosine {lowest:F4}, below "
                + $"{MinimumCosine}, for \"{text}\"; it was not written");
        }

        using var vocabulary = package.OpenVocabulary();
        target.Write(package.Name, int8Model, vocabulary);
        return lowest;
    }

    private static async Task<(float Cosine, string Text)> LowestCosineAsync(
        PackagedModel package, Func<bool, EmbeddingModelProfile> profile, byte[] floatModel, byte[] int8Model, CancellationToken cancellationToken)
    {
        var prefix = profile(false).QueryPrefix;
        var texts = Queries.Select(q => prefix + q).Concat(Passages).ToList();
        using var floatGenerator = Generator(package, floatModel, profile(false));
        using var int8Generator = Generator(package, int8Model, profile(true));
        var expected = await floatGenerator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var actual = await int8Generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var cosines = expected.Zip(actual, (e, a) => TensorPrimitives.CosineSimilarity(e.Vector.Span, a.Vector.Span)).ToList();
        var lowest = cosines.IndexOf(cosines.Min());
        return (cosines[lowest], texts[lowest]);
    }

    private static OnnxEmbeddingGenerator Generator(PackagedModel package, byte[] model, EmbeddingModelProfile profile)
    {
        using var vocabulary = package.OpenVocabulary();
        return new OnnxEmbeddingGenerator(model, vocabulary, profile);
    }
}
