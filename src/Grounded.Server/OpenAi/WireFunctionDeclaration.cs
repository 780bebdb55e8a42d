using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>A function tool exactly as a client declared it: its parameter schema untouched, and <c>strict</c> when given (Microsoft.Extensions.AI's OpenAI client reads <c>strict</c>, Anthropic's <c>Strict</c>).</summary>
internal sealed class WireFunctionDeclaration(string name, string? description, JsonElement schema, bool? strict) : AIFunctionDeclaration
{
    private readonly IReadOnlyDictionary<string, object?> _properties = strict is { } s
        ? new Dictionary<string, object?> { ["strict"] = s, ["Strict"] = s }
        : new Dictionary<string, object?>();

    public override string Name => name;

    public override string Description => description ?? string.Empty;

    public override JsonElement JsonSchema => schema;

    public override IReadOnlyDictionary<string, object?> AdditionalProperties => _properties;
}
