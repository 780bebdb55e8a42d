namespace Grounded.Guards.Injection;

/// <summary>Signals that the injection detector was given an embedding model other than the one its classifier was trained on.</summary>
public sealed class InjectionModelMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names both models.</summary>
    public InjectionModelMismatchException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public InjectionModelMismatchException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public InjectionModelMismatchException() { }
}
