using System.Text.Json.Serialization;
using Grounded.Gateway.Config;
using Grounded.Gateway.Failures;
using Grounded.Hosting;

namespace Grounded.Server.Endpoints;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{id}</c>: the configured models in OpenAI's shape.</summary>
internal static class ModelsApi
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models", (GroundedStack stack) => Results.Json(new ModelList([.. stack.Gateway.Options.Models.Select(Describe)])))
            .WithTags("OpenAI").WithSummary("List the configured models");
        app.MapGet("/v1/models/{**id}", (string id, GroundedStack stack) =>
            Results.Json(Describe(stack.Gateway.Options.Find(id) ?? throw InvalidRequestException.UnknownModel(id, stack.Gateway.Options.Models.Select(m => m.Name)))))
            .WithTags("OpenAI").WithSummary("Describe one configured model");
        return app;
    }

    private static ModelEntry Describe(ModelOptions m) => new(m.Name, "model", 0, m.Provider, m.ContextWindow, m.MaxOutputTokens);

    private sealed record ModelList([property: JsonPropertyName("data")] IReadOnlyList<ModelEntry> Data)
    {
        [JsonPropertyName("object")]
        public string Object => "list";
    }

    private sealed record ModelEntry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("object")] string Object,
        [property: JsonPropertyName("created")] long Created,
        [property: JsonPropertyName("owned_by")] string OwnedBy,
        [property: JsonPropertyName("context_window")] int ContextWindow,
        [property: JsonPropertyName("max_output_tokens")] int MaxOutputTokens);
}
