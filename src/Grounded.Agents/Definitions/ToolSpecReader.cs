using System.Globalization;
using Grounded.Agents.Tools;
using Grounded.Rag.Prompts;
using YamlDotNet.RepresentationModel;

namespace Grounded.Agents.Definitions;

/// <summary>
/// Reads <c>tools:</c>: a list whose entries are a built-in tool's name, <c>{ name: calculate, requiresApproval: true }</c>,
/// <c>{ openapi: FILE, allow: [operationId…] }</c> or <c>{ mcp: { command, args } | { url } }</c>; a single mapping is one entry.
/// </summary>
internal static class ToolSpecReader
{
    private static readonly string[] Shared = ["requiresApproval", "timeout", "usd"];

    public static IReadOnlyList<ToolSpec> Read(YamlMappingNode root, PromptYamlFields f, Action<string> problem)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("tools"), out var node) || node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return [];
        }

        IEnumerable<YamlNode> entries = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlMappingNode map => [map],
            _ => [],
        };
        if (node is YamlScalarNode)
        {
            problem($"line {node.Start.Line}: tools must be a list, e.g. [search_documents, {{ name: calculate, requiresApproval: true }}]");
        }

        var specs = new List<ToolSpec>();
        foreach (var entry in entries)
        {
            if (Entry(entry, f, problem) is { } spec)
            {
                specs.Add(spec with { Line = (int)entry.Start.Line });
            }
        }

        return specs;
    }

    private static ToolSpec? Entry(YamlNode entry, PromptYamlFields f, Action<string> problem)
    {
        switch (entry)
        {
            case YamlScalarNode { Value: { Length: > 0 } name }:
                return BuiltIn(name, entry, problem);
            case YamlMappingNode map when Has(map, "openapi"):
                f.Known(map, "tools[].", [.. Shared, "openapi", "allow", "approvalFor", "baseUrl", "auth"]);
                return Common(map, f, problem, OpenApi(map, f, problem));
            case YamlMappingNode map when Has(map, "mcp"):
                f.Known(map, "tools[].", [.. Shared, "mcp", "allow"]);
                return Common(map, f, problem, Mcp(map, f, problem));
            case YamlMappingNode map when Has(map, "name"):
                f.Known(map, "tools[].", [.. Shared, "name", "allowHosts"]);
                var builtIn = BuiltIn(f.Text(map, "name", "tools[].name") ?? string.Empty, entry, problem);
                return builtIn is null ? null : Common(map, f, problem, builtIn with { AllowHosts = f.List(map, "allowHosts") ?? [] });
            default:
                problem($"line {entry.Start.Line}: a tool is a built-in's name, {{ name: ..., requiresApproval: true }}, {{ openapi: FILE, allow: [...] }} or {{ mcp: {{ command: ..., args: [...] }} }}");
                return null;
        }
    }

    private static BuiltInToolSpec? BuiltIn(string name, YamlNode node, Action<string> problem)
    {
        if (BuiltInTools.Names.Contains(name, StringComparer.Ordinal))
        {
            return new BuiltInToolSpec(name);
        }

        problem($"line {node.Start.Line}: '{name}' is not a built-in tool (built-in: {string.Join(", ", BuiltInTools.Names)}; other tools come from {{ openapi: FILE }} or {{ mcp: ... }})");
        return null;
    }

    private static ToolSpec? Common(YamlMappingNode map, PromptYamlFields f, Action<string> problem, ToolSpec? spec)
    {
        var approval = f.Text(map, "requiresApproval", "tools[].requiresApproval");
        if (approval is not null && !bool.TryParse(approval, out _))
        {
            problem($"line {map.Start.Line}: requiresApproval must be true or false (got '{approval}')");
        }

        var usd = f.Number(map, "usd", "tools[].usd");
        if (usd is < 0 or > 100)
        {
            problem($"line {map.Start.Line}: usd (the cost of one call) must be between 0 and 100 (got {usd.Value.ToString(CultureInfo.InvariantCulture)})");
        }

        return spec is null ? null : spec with
        {
            RequiresApproval = approval is not null && bool.TryParse(approval, out var required) && required,
            Timeout = CapsReader.Duration(map, f, "timeout", problem, "tools[]."),
            UsdPerCall = usd is >= 0 and <= 100 ? (decimal)usd.Value : 0,
        };
    }

    private static OpenApiToolSpec? OpenApi(YamlMappingNode map, PromptYamlFields f, Action<string> problem)
    {
        var document = f.Text(map, "openapi", "tools[].openapi");
        if (string.IsNullOrWhiteSpace(document))
        {
            problem($"line {map.Start.Line}: openapi must name the OpenAPI document (a file relative to the agent file, or a URL)");
            return null;
        }

        (string, string)? apiKey = null;
        string? bearer = null;
        if (f.Map(map, "auth", "{bearerEnv: ORDERS_TOKEN} or {header: X-Api-Key, env: ORDERS_KEY}") is { } auth)
        {
            f.Known(auth, "auth.", "bearerEnv", "header", "env");
            bearer = f.Text(auth, "bearerEnv", "auth.bearerEnv");
            var header = f.Text(auth, "header", "auth.header");
            var env = f.Text(auth, "env", "auth.env");
            if ((header is null) != (env is null))
            {
                problem($"line {auth.Start.Line}: auth needs both header: and env: for an API key");
            }
            else if (header is not null)
            {
                apiKey = (header, env!);
            }
        }

        var allow = f.List(map, "allow") ?? [];
        if (allow.Count == 0)
        {
            // Every operation of an API (its deletes too) is rarely what an agent should have: the operations are named.
            problem($"line {map.Start.Line}: openapi needs allow: [operationId, ...], the operations the agent may call");
        }

        var baseUrl = f.Text(map, "baseUrl", "tools[].baseUrl");
        if ((bearer is not null || apiKey is not null) && baseUrl is null && document.Contains("://", StringComparison.Ordinal))
        {
            // A document fetched from elsewhere must not choose the host the credentials are sent to.
            problem($"line {map.Start.Line}: an OpenAPI document read from a URL with auth: needs baseUrl: (where the credentials may go)");
        }

        return new OpenApiToolSpec(document)
        {
            Allow = allow, ApprovalFor = f.List(map, "approvalFor") ?? [], BaseUrl = baseUrl,
            BearerEnv = bearer, ApiKey = apiKey,
        };
    }

    private static McpToolSpec? Mcp(YamlMappingNode map, PromptYamlFields f, Action<string> problem)
    {
        if (f.Map(map, "mcp", "{command: my-server, args: [--stdio]} or {url: http://host/mcp}") is not { } server)
        {
            return null;
        }

        f.Known(server, "mcp.", "command", "args", "url", "bearerEnv");
        var command = f.Text(server, "command", "mcp.command");
        var url = f.Text(server, "url", "mcp.url");
        if ((command is null) == (url is null))
        {
            problem($"line {server.Start.Line}: mcp needs either command: (a stdio server) or url: (Streamable HTTP), not both or neither");
            return null;
        }

        Uri? uri = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            problem($"line {server.Start.Line}: mcp.url '{url}' is not an http(s) URL");
            return null;
        }

        return new McpToolSpec
        {
            Command = command, Arguments = f.List(server, "args") ?? [], Url = uri, BearerEnv = f.Text(server, "bearerEnv", "mcp.bearerEnv"), Allow = f.List(map, "allow") ?? [],
        };
    }

    private static bool Has(YamlMappingNode map, string key) => map.Children.ContainsKey(new YamlScalarNode(key));
}
