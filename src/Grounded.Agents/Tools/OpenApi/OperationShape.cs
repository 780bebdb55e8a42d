using System.Text.Json;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>What a tool needs to know about one operation: its names, its arguments' schema and how arguments become a request.</summary>
/// <param name="OperationId">The operation id (made from method and path when the document has none).</param>
/// <param name="ToolName">The tool's snake_case name.</param>
/// <param name="Description">One sentence for the model.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathTemplate">The path with <c>{name}</c> placeholders, e.g. <c>/orders/{id}</c>.</param>
/// <param name="Parameters">The path, query and header parameters.</param>
/// <param name="BodyArgument">The argument holding the JSON body, or null when the operation takes none.</param>
/// <param name="Schema">The JSON schema of the tool's arguments.</param>
internal sealed record OperationShape(
    string OperationId,
    string ToolName,
    string Description,
    HttpMethod Method,
    string PathTemplate,
    IReadOnlyList<OperationParameter> Parameters,
    string? BodyArgument,
    JsonElement Schema);
