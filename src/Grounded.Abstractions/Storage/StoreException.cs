namespace Grounded.Storage;

/// <summary>Signals that a store cannot be used as asked: unreadable, of another embedding model, or of a newer schema. The message says how to fix it.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception with a message that says how to fix the problem.</summary>
    public StoreException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Gets whether the store does not exist yet (nothing was ever written to it), as opposed to being unreadable.</summary>
    public bool NotCreated { get; init; }

    /// <summary>Creates the exception with no message.</summary>
    public StoreException() { }
}
