using System.Runtime.InteropServices;
using Grounded.Server.Requests;
using Grounded.Gateway.Failures;
using Grounded.Hosting;
using Grounded.Rag.Embed;
using Grounded.Server.OpenAi;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Endpoints;

/// <summary><c>POST /v1/embeddings</c>: the local embedding model (the one the store uses) in OpenAI's format.</summary>
internal static class EmbeddingsApi
{
    public static IEndpointRouteBuilder MapEmbeddings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/embeddings", EmbedAsync).WithTags("OpenAI").WithSummary("Create embeddings with the local model (OpenAI-compatible)");
        return app;
    }

    private static async Task EmbedAsync(HttpContext http, GroundedStack stack)
    {
        var ct = http.RequestAborted;
        var context = http.Context("embeddings");
        var request = await RequestBody.ReadAsync<EmbeddingRequest>(http.Request, stack.Options.Gateway.MaxRequestBodyBytes, ct);
        var texts = request.Texts();
        Check(request, stack.Options.Rag.EmbeddingModel);
        var embedder = (await stack.GetRagAsync(ct)).Embedder;
        context.RequestedModel = embedder.Profile.ModelId;
        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: ct);
        var tokens = embeddings.Usage?.InputTokenCount ?? 0;
        context.AddUsage(new UsageDetails { InputTokenCount = tokens, OutputTokenCount = 0, TotalTokenCount = tokens }, 0); // local: free
        var base64 = string.Equals(request.EncodingFormat, "base64", StringComparison.OrdinalIgnoreCase);
        await Results.Json(new
        {
            @object = "list",
            data = embeddings.Select((e, i) => new
            {
                @object = "embedding",
                index = i,
                embedding = base64 ? (object)Convert.ToBase64String(MemoryMarshal.AsBytes(e.Vector.Span)) : e.Vector.ToArray(),
            }),
            model = embedder.Profile.ModelId,
            usage = new { prompt_tokens = tokens, total_tokens = tokens },
        }).ExecuteAsync(http);
    }

    private static void Check(EmbeddingRequest request, EmbeddingModelProfile profile)
    {
        var baseName = profile.ModelId.Split('@')[0];
        if (request.Model is { Length: > 0 } model && model != "local" && model != profile.ModelId && model != baseName)
        {
            throw new InvalidRequestException($"unknown embedding model '{model}'. This server embeds with: {profile.ModelId} (or 'local')", "model", 404) { Code = "model_not_found" };
        }

        if (request.EncodingFormat is { } format && format is not ("float" or "base64"))
        {
            throw new InvalidRequestException($"encoding_format must be float or base64 (got '{format}')", "encoding_format");
        }

        if (request.Dimensions is { } dimensions && dimensions != profile.Dimensions)
        {
            throw new InvalidRequestException($"dimensions must be {profile.Dimensions} for {profile.ModelId} (got {dimensions})", "dimensions");
        }
    }
}
