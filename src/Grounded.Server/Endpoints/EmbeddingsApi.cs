using System.Runtime.InteropServices;
using Grounded.Gateway;
using Grounded.Rag.Embed;
using Grounded.Server.OpenAi;

namespace Grounded.Server.Endpoints;

/// <summary><c>POST /v1/embeddings</c>: the local embedding model (the one the store uses) in OpenAI's format.</summary>
internal static class EmbeddingsApi
{
    public static IEndpointRouteBuilder MapEmbeddings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/embeddings", EmbedAsync).WithTags("OpenAI").WithSummary("Create embeddings with the local model (OpenAI-compatible)");
        return app;
    }

    private static async Task EmbedAsync(HttpContext http, ModelGateway gateway, RagHost rag)
    {
        var ct = http.RequestAborted;
        IReadOnlyList<string> texts;
        EmbeddingRequest request;
        OnnxEmbeddingGenerator embedder;
        try
        {
            request = await RequestBody.ReadAsync<EmbeddingRequest>(http.Request, gateway.Options.MaxRequestBodyBytes, ct);
            texts = request.Texts();
            embedder = (await rag.GetAsync()).Embedder;
            Check(request, embedder.Profile);
        }
        catch (RequestException e)
        {
            await e.Error.ToResult().ExecuteAsync(http);
            return;
        }

        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: ct);
        var base64 = string.Equals(request.EncodingFormat, "base64", StringComparison.OrdinalIgnoreCase);
        var tokens = embeddings.Usage?.InputTokenCount ?? 0;
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
            throw new RequestException(new OpenAiError(404, $"unknown embedding model '{model}'. This server embeds with: {profile.ModelId} (or 'local')", "invalid_request_error", "model_not_found", "model"));
        }

        if (request.EncodingFormat is { } format && format is not ("float" or "base64"))
        {
            throw new RequestException(OpenAiError.Invalid($"encoding_format must be float or base64 (got '{format}')", "encoding_format"));
        }

        if (request.Dimensions is { } dimensions && dimensions != profile.Dimensions)
        {
            throw new RequestException(OpenAiError.Invalid($"dimensions must be {profile.Dimensions} for {profile.ModelId} (got {dimensions})", "dimensions"));
        }
    }
}
