using System.Text.Json;
using Grounded.Access;
using Grounded.Gateway.Failures;
using Grounded.Rag.Embed;
using Grounded.Storage;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Grounded.Hosting.Mcp;

/// <summary>
/// What Grounded's MCP tools share: the stack they answer through, the caller every call is scoped to, and failures the
/// client can act on (a bad argument, an unavailable model or store) returned as error results with their message.
/// </summary>
internal abstract class GroundedTool(GroundedStack stack, CallerIdentity caller, Func<CancellationToken, Task>? prepare) : McpServerTool
{
    protected GroundedStack Stack { get; } = stack;

    protected CallerIdentity Caller { get; } = caller;

    public override IReadOnlyList<object> Metadata { get; } = [];

    public sealed override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            if (prepare is not null)
            {
                await prepare(cancellationToken).ConfigureAwait(false);
            }

            return await CallAsync(request.Params?.Arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidRequestException or GatewayException or StoreException or ModelNotInstalledException)
        {
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = e.Message }] };
        }
    }

    /// <summary>Runs the call with its (unchecked) arguments.</summary>
    protected abstract Task<CallToolResult> CallAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken);

    protected static Tool Describe(string name, string title, string description, JsonElement schema) => new()
    {
        Name = name,
        Title = title,
        Description = description,
        InputSchema = schema,
        Annotations = new ToolAnnotations { ReadOnlyHint = true, OpenWorldHint = false, DestructiveHint = false },
    };
}
