namespace Grounded.Documents;

/// <summary>Signals that a file cannot be turned into text: corrupt, binary, wrongly encoded or unsupported.</summary>
public sealed class DocumentReadException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public DocumentReadException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public DocumentReadException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public DocumentReadException() { }
}
