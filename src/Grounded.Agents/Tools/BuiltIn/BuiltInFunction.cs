using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools;

/// <summary>
/// A built-in tool as an <see cref="AIFunction"/> with a hand-written JSON schema (typed parameters with descriptions, bounds,
/// the required list, no other properties). Subclasses do the work; a failure the model can act on is returned as an error result.
/// </summary>
internal abstract class BuiltInFunction : AIFunction
{
    private readonly JsonElement _schema;

    protected BuiltInFunction(string name, string description, string schemaJson)
    {
        Name = name;
        Description = description;
        using var document = JsonDocument.Parse(schemaJson);
        _schema = document.RootElement.Clone();
    }

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema => _schema;

    protected sealed override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(new ToolCallArguments(arguments), cancellationToken);
        }
        catch (ToolArgumentException e)
        {
            return ToolResults.Error(e.Message);
        }
    }

    /// <summary>Runs one call; returns the result text (JSON for structured data) or an error result.</summary>
    protected abstract Task<string> RunAsync(ToolCallArguments arguments, CancellationToken cancellationToken);
}
