namespace Grounded.Rag.Embed;

/// <summary>Creates the embedding generators Grounded ships with.</summary>
/// <remarks>
/// An int8 model is read from the <c>models</c> folder beside the app when the app ships one (the <c>grounded</c> tool
/// does). Otherwise it is made from the float one on first use and kept in <c>GROUNDED_CACHE</c>, else
/// <c>$XDG_CACHE_HOME/grounded/models</c>, else <c>~/.cache/grounded/models</c>; when none is writable it is made in memory.
/// </remarks>
public static class EmbeddingModels
{
    /// <summary>Creates the local arctic-embed-xs generator (the index's model), float32 or int8-quantized.</summary>
    public static OnnxEmbeddingGenerator ArcticXs(bool quantized) =>
        Create(ArcticXsModel.Package, ArcticXsModel.Profile(quantized), quantized, ShippedModelFiles.Default);

    /// <summary>Creates the local all-MiniLM-L6-v2 generator (the answerer's second opinion), float32 or int8-quantized.</summary>
    public static OnnxEmbeddingGenerator MiniLm(bool quantized) =>
        Create(MiniLmModel.Package, MiniLmModel.Profile(quantized), quantized, ShippedModelFiles.Default);

    /// <summary>Creates a generator of <paramref name="package"/>'s model, float32 or int8, preferring <paramref name="shipped"/> files.</summary>
    internal static OnnxEmbeddingGenerator Create(PackagedModel package, EmbeddingModelProfile profile, bool quantized, ShippedModelFiles shipped)
    {
        var model = quantized ? Int8Model(package, profile, shipped) : package.ReadModel();
        using var words = shipped.OpenVocabulary(package);
        return new OnnxEmbeddingGenerator(model, words, profile);
    }

    private static byte[] Int8Model(PackagedModel package, EmbeddingModelProfile profile, ShippedModelFiles shipped)
    {
        if (shipped.TryReadInt8Model(package.Name) is { } exported)
        {
            return exported;
        }

        try
        {
            return QuantizedModelCache.Default().GetOrQuantize(package.Fingerprint(), package.Name, package.ReadModel);
        }
        catch (ModelNotInstalledException missing)
        {
            throw new ModelNotInstalledException(
                profile.ModelId,
                $"the int8 model {profile.ModelId} is not part of this installation: neither {shipped.ModelPath(package.Name)} nor the float32 model to make it from is there; reinstall Grounded",
                missing);
        }
    }
}
