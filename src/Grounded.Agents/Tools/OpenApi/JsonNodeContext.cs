using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Source-generated serialization of the JSON nodes the OpenAPI tools build.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : JsonSerializerContext;
