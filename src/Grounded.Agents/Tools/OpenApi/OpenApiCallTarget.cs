namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Where an OpenAPI document's operations are called and with which credentials.</summary>
/// <param name="BaseUrl">The base URL operation paths are appended to (no trailing slash).</param>
/// <param name="Http">The client calls go through.</param>
/// <param name="Environment">Looks up environment variables (credentials are read at call time).</param>
internal sealed record OpenApiCallTarget(string BaseUrl, HttpClient Http, Func<string, string?> Environment)
{
    /// <summary>Gets the environment variable holding a bearer token, or null.</summary>
    public string? BearerEnv { get; init; }

    /// <summary>Gets the header and environment variable of an API key, or null.</summary>
    public (string Header, string Env)? ApiKey { get; init; }
}
