using System.Text.Json.Serialization;
using Grounded.Gateway.Config;
using Grounded.Gateway.Failures;
using Grounded.Hosting;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>GET /v1/models</c> and <c>GET /v1/models/{id}</c>: the configured models in OpenAI's shape, then the routes (owned by
/// <c>grounded-route</c>; their limits are the largest of the models they can choose).
/// </summary>
internal static class ModelsApi
{
    private const string RouteOwner = "grounded-route";

    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models", (GroundedStack stack) => Results.Json(new ModelList([.. All(stack.Gateway.Options)])))
            .WithTags("OpenAI").WithSummary("List the configured models and routes");
        app.MapGet("/v1/models/{**id}", (string id, GroundedStack stack) =>
            Results.Json(All(stack.Gateway.Options).FirstOrDefault(m => m.Id == id) ?? throw InvalidRequestException.UnknownModel(id, stack.Gateway.Options.Names)))
            .WithTags("OpenAI").WithSummary("Describe one configured model or route");
        return app;
    }

    private static IEnumerable<ModelEntry> All(GatewayOptions options) =>
        options.Models.Select(m => new ModelEntry(m.Name, "model", 0, m.Provider, m.ContextWindow, m.MaxOutputTokens))
            .Concat(options.Routes.Select(r => Describe(r, [.. r.Models().Select(name => options.Find(name)!)])));

    private static ModelEntry Describe(ModelRouteOptions route, IReadOnlyList<ModelOptions> models) =>
        new(route.Name, "model", 0, RouteOwner, models.Max(m => m.ContextWindow), models.Max(m => m.MaxOutputTokens));

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
