namespace Grounded.Evaluation.Datasets;

/// <summary>Signals that an evaluation data set is missing or malformed; the message names the file and the problem in one line.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public DatasetException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public DatasetException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public DatasetException() { }
}
