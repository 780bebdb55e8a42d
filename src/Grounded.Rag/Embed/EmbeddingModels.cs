namespace Grounded.Rag.Embed;

/// <summary>Creates the embedding generators Grounded ships with.</summary>
public static class EmbeddingModels
{
    /// <summary>Creates the local arctic-embed-xs generator, float32 or int8-quantized.</summary>
    public static OnnxEmbeddingGenerator ArcticXs(bool quantized)
    {
        var model = ArcticXsModel.ReadModel();
        using var vocabulary = ArcticXsModel.OpenVocabulary();
        return new OnnxEmbeddingGenerator(model, vocabulary, ArcticXsModel.Profile(quantized));
    }
}
