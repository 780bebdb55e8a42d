namespace Grounded.Rag.Embed;

/// <summary>Creates the embedding generators Grounded ships with.</summary>
public static class EmbeddingModels
{
    /// <summary>Creates the local arctic-embed-xs generator, float32 or int8-quantized.</summary>
    /// <remarks>
    /// The int8 model is made from the float one on first use and kept in <c>GROUNDED_CACHE</c>, else
    /// <c>$XDG_CACHE_HOME/grounded/models</c>, else <c>~/.cache/grounded/models</c>; when none is writable it is made in memory.
    /// </remarks>
    public static OnnxEmbeddingGenerator ArcticXs(bool quantized)
    {
        var model = ArcticXsModel.ReadModel();
        if (quantized)
        {
            model = QuantizedModelCache.Default().GetOrQuantize(model, "snowflake-arctic-embed-xs");
        }

        using var vocabulary = ArcticXsModel.OpenVocabulary();
        return new OnnxEmbeddingGenerator(model, vocabulary, ArcticXsModel.Profile(quantized));
    }
}
