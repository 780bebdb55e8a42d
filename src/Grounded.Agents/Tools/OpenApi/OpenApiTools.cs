using Grounded.Agents.Definitions;
using Microsoft.OpenApi;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Makes an OpenAPI document's operations into tools (<c>{ openapi: FILE, allow: [operationId…] }</c>): one typed tool per allowed operation.</summary>
internal static class OpenApiTools
{
    /// <summary>Reads the document <paramref name="spec"/> names and returns a tool for each allowed operation, in document order.</summary>
    /// <exception cref="ToolLoadException">The document cannot be read or has errors, names no usable server, or lacks an allowed operation.</exception>
    public static async Task<IReadOnlyList<AgentTool>> LoadAsync(OpenApiToolSpec spec, ToolEnvironment environment, CancellationToken ct)
    {
        var (document, documentUrl) = await OpenApiDocumentReader.ReadAsync(spec.Document, environment, ct).ConfigureAwait(false);
        var shapes = OperationShapes.Of(document).ToList();
        var ids = shapes.Select(s => s.OperationId).Distinct(StringComparer.Ordinal).ToList();
        var unknown = spec.Allow.Concat(spec.ApprovalFor).Where(id => !ids.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ToolLoadException(
                $"openapi document {spec.Document} has no operation {string.Join(", ", unknown)}; its operations are: {string.Join(", ", ids)}");
        }

        var target = new OpenApiCallTarget(BaseUrl(spec, document, documentUrl), environment.Http, environment.Environment)
        {
            BearerEnv = spec.BearerEnv,
            ApiKey = spec.ApiKey,
        };
        var allowed = spec.Allow.Count == 0 ? shapes : shapes.Where(s => spec.Allow.Contains(s.OperationId, StringComparer.Ordinal));
        var names = new HashSet<string>(StringComparer.Ordinal);
        return
        [
            .. allowed.Select(shape => new AgentTool(new OpenApiFunction(shape with { ToolName = Unique(shape.ToolName, names) }, target))
            {
                RequiresApproval = spec.RequiresApproval || spec.ApprovalFor.Contains(shape.OperationId, StringComparer.Ordinal),
                Timeout = spec.Timeout,
                UsdPerCall = spec.UsdPerCall,
                Source = "openapi",
            }),
        ];
    }

    private static string BaseUrl(OpenApiToolSpec spec, OpenApiDocument document, Uri? documentUrl)
    {
        var configured = spec.BaseUrl ?? ServerUrl(document.Servers?.FirstOrDefault());
        if (configured is null)
        {
            throw new ToolLoadException($"openapi document {spec.Document} names no server; set baseUrl");
        }

        if (Uri.TryCreate(configured, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri.TrimEnd('/');
        }

        if (documentUrl is not null && Uri.TryCreate(documentUrl, configured, out var resolved))
        {
            return resolved.AbsoluteUri.TrimEnd('/');
        }

        throw new ToolLoadException($"openapi document {spec.Document} has the server URL '{configured}', which is not an absolute http(s) URL; set baseUrl");
    }

    // Server variables ({region}) take their defaults.
    private static string? ServerUrl(OpenApiServer? server)
    {
        var url = server?.Url;
        foreach (var (name, variable) in server?.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url?.Replace("{" + name + "}", variable.Default, StringComparison.Ordinal);
        }

        return url;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = "_" + n;
            candidate = name[..Math.Min(name.Length, OperationNames.MaxLength - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
