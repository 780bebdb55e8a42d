namespace Grounded.Server.Errors;

/// <summary>Endpoint metadata: this route answers failures as <c>application/problem+json</c> (Grounded's own API) instead of OpenAI's error object.</summary>
internal sealed class ProblemErrors
{
    public static ProblemErrors Instance { get; } = new();
}
