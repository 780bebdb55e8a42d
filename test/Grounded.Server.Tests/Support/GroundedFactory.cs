using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Support;

/// <summary>The real host with a one-model config pointing at a scripted upstream.</summary>
internal static class GroundedFactory
{
    public static WebApplicationFactory<Program> Create(string directory, Uri endpoint, string store, string extraYaml = "", Action<IWebHostBuilder>? configure = null, string modelId = "small-model", string modelYaml = "")
    {
        var config = Path.Combine(directory, $"grounded-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, $"""
            models:
              - name: small
                provider: openai
                endpoint: {endpoint}
                model: {modelId}
                contextWindow: 8000
                maxOutputTokens: 500
                {modelYaml}
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            {extraYaml}
            """);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Grounded:Config", config);
            b.UseSetting("Grounded:Store", store);
            configure?.Invoke(b);
        });
    }
}
