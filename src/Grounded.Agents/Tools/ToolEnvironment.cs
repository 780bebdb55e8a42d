using Grounded.Access;

namespace Grounded.Agents.Tools;

/// <summary>What a run's tools are built with: who the run is for (documents are scoped to it), the host's documents and HTTP.</summary>
/// <param name="Caller">The identity the run acts as; the document tools see only its tenant's documents.</param>
public sealed record ToolEnvironment(CallerIdentity Caller)
{
    /// <summary>Gets the host's documents; null where there is no store (the document tools then fail with a clear message).</summary>
    public IAgentDocuments? Documents { get; init; }

    /// <summary>Gets the HTTP client OpenAPI tools and <c>http_get</c> call through.</summary>
    public HttpClient Http { get; init; } = SharedHttp.Client;

    /// <summary>Gets the folder relative paths (OpenAPI documents) are read from.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Gets the environment variables auth is read from (the process's when null).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
