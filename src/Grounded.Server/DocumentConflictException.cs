namespace Grounded.Server;

/// <summary>An upload would replace a document its caller may not see: a 409, and nothing is changed.</summary>
internal sealed class DocumentConflictException(string message) : Exception(message);
