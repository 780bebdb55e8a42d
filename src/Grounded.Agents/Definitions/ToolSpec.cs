namespace Grounded.Agents.Definitions;

/// <summary>One entry of an agent's <c>tools:</c> list: a built-in tool, an OpenAPI document's operations, or an MCP server's tools.</summary>
public abstract record ToolSpec
{
    /// <summary>Gets whether every call waits for a person's approval before it runs (<c>requiresApproval: true</c>).</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>Gets the longest one call may take; null: the agent's <see cref="AgentCaps.ToolTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets what one call costs in dollars (a paid API), counted against <see cref="AgentCaps.MaxUsd"/>.</summary>
    /// <value>The default is 0.</value>
    public decimal UsdPerCall { get; init; }

    /// <summary>Gets the line of the file the entry is on (1-based; 0 when not read from a file), for lint findings.</summary>
    public int Line { get; init; }
}

/// <summary>A built-in tool by name: <c>search_documents</c>, <c>get_document</c>, <c>calculate</c> or <c>http_get</c>.</summary>
/// <param name="Name">The tool's name.</param>
public sealed record BuiltInToolSpec(string Name) : ToolSpec
{
    /// <summary>Gets the hosts <c>http_get</c> may fetch from (exact names, or <c>*.example.com</c>); empty: none.</summary>
    public IReadOnlyList<string> AllowHosts { get; init; } = [];
}

/// <summary>The operations of an OpenAPI document (<c>{ openapi: FILE, allow: [operationId…] }</c>), each a typed tool.</summary>
/// <param name="Document">The document's path (relative to the agent file) or URL.</param>
public sealed record OpenApiToolSpec(string Document) : ToolSpec
{
    /// <summary>Gets the operation ids offered as tools; empty: every operation of the document.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Gets the operation ids whose calls wait for approval, besides every operation when <see cref="ToolSpec.RequiresApproval"/>.</summary>
    public IReadOnlyList<string> ApprovalFor { get; init; } = [];

    /// <summary>Gets the base URL calls go to; null: the document's first server.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Gets the environment variable holding a bearer token sent with every call (<c>auth: { bearerEnv: NAME }</c>), or null.</summary>
    public string? BearerEnv { get; init; }

    /// <summary>Gets the header and the environment variable of an API key sent with every call (<c>auth: { header: X-Api-Key, env: NAME }</c>), or null.</summary>
    public (string Header, string Env)? ApiKey { get; init; }
}

/// <summary>The tools of an MCP server (<c>{ mcp: { command, args } }</c> over stdio, or <c>{ mcp: { url } }</c> over Streamable HTTP).</summary>
public sealed record McpToolSpec : ToolSpec
{
    /// <summary>Gets the program started for a stdio server, or null.</summary>
    public string? Command { get; init; }

    /// <summary>Gets the program's arguments.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Gets the URL of a Streamable HTTP server, or null.</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the environment variable holding a bearer token for an HTTP server, or null.</summary>
    public string? BearerEnv { get; init; }

    /// <summary>Gets the server's tools offered to the model; empty: all of them.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];
}
