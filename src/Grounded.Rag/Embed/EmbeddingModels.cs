namespace Grounded.Rag.Embed;

/// <summary>Creates the embedding generators Grounded ships with.</summary>
/// <remarks>
/// An int8 model is made from the float one on first use and kept in <c>GROUNDED_CACHE</c>, else
/// <c>$XDG_CACHE_HOME/grounded/models</c>, else <c>~/.cache/grounded/models</c>; when none is writable it is made in memory.
/// </remarks>
public static class EmbeddingModels
{
    /// <summary>Creates the local arctic-embed-xs generator (the index's model), float32 or int8-quantized.</summary>
    public static OnnxEmbeddingGenerator ArcticXs(bool quantized) =>
        Create(ArcticXsModel.Package, ArcticXsModel.Profile(quantized), "snowflake-arctic-embed-xs", quantized);

    /// <summary>Creates the local all-MiniLM-L6-v2 generator (the answerer's second opinion), float32 or int8-quantized.</summary>
    public static OnnxEmbeddingGenerator MiniLm(bool quantized) =>
        Create(MiniLmModel.Package, MiniLmModel.Profile(quantized), "all-minilm-l6-v2", quantized);

    private static OnnxEmbeddingGenerator Create(PackagedModel package, EmbeddingModelProfile profile, string name, bool quantized)
    {
        var model = quantized ? QuantizedModelCache.Default().GetOrQuantize(package.Fingerprint(), name, package.ReadModel) : package.ReadModel();
        using var words = package.OpenVocabulary();
        return new OnnxEmbeddingGenerator(model, words, profile);
    }
}
