using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>
/// One OpenAPI operation as a function: calling it sends the request and returns <c>HTTP STATUS</c> and the body's text.
/// Every status is a result the model can react to; a missing credential or a network failure is an error result.
/// </summary>
internal sealed class OpenApiFunction(OperationShape shape, OpenApiCallTarget target) : AIFunction
{
    /// <summary>The most of a response body the model gets.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public override string Name => shape.ToolName;

    public override string Description => shape.Description;

    public override JsonElement JsonSchema => shape.Schema;

    /// <summary>Gets the operation this function calls.</summary>
    public OperationShape Shape => shape;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var (request, problem) = OpenApiRequest.Build(shape, target, arguments);
        if (request is null)
        {
            return Error(problem!);
        }

        using (request)
        {
            try
            {
                using var response = await target.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var (bytes, truncated) = await BoundedBody.ReadBytesAsync(response.Content, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
                var text = new StringBuilder().Append("HTTP ").Append((int)response.StatusCode).Append('\n').Append(Encoding.UTF8.GetString(bytes));
                if (truncated)
                {
                    text.Append($"\n[cut at {MaxBodyBytes / 1024} KB]");
                }

                return text.ToString();
            }
            catch (HttpRequestException e)
            {
                return Error($"{shape.Method.Method} {request.RequestUri} failed: {e.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Error($"{shape.Method.Method} {request.RequestUri} timed out");
            }
        }
    }

    private static string Error(string message) => ToolResults.Error(message);
}
