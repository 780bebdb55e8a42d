namespace Grounded.Rag.Embed;

/// <summary>An embedding model is not part of this installation (it was left out to keep the installation small).</summary>
public sealed class ModelNotInstalledException : Exception
{
    /// <summary>Creates the exception for <paramref name="modelId"/> with a message that says what to do.</summary>
    public ModelNotInstalledException(string modelId, string message, Exception? innerException)
        : base(message, innerException) => ModelId = modelId;

    /// <summary>Creates the exception with a message that says what to do.</summary>
    public ModelNotInstalledException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ModelNotInstalledException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public ModelNotInstalledException() { }

    /// <summary>Gets the missing model's identifier as stores record it (<c>snowflake-arctic-embed-xs</c>, or with <c>@int8</c>), when known.</summary>
    public string ModelId { get; } = string.Empty;
}
