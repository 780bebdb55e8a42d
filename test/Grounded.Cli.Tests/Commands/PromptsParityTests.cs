using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Cli.Tests.Support;
using Grounded.Hosting.Config;
using Grounded.Server;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Builder;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded prompts … --json</c> and <c>/v1/prompts</c> say the same thing about the same store: the same objects, switches made by either.</summary>
public sealed class PromptsParityTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private ScriptableUpstream _upstream = null!;
    private string _config = string.Empty;

    public async Task InitializeAsync()
    {
        _upstream = await ScriptableUpstream.StartAsync("small");
        _config = $"""
            models:
              - {"{"} name: small, provider: openai, endpoint: "{_upstream.Endpoint}", model: small-model, contextWindow: 4000, maxOutputTokens: 200 {"}"}
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            prompts:
              dir: "{_dir.Combine("prompts")}"
            """;
        _dir.Write("grounded.yaml", _config);
        _dir.Write("data/summary.jsonl", "{\"question\": \"blue whale\", \"answers\": [\"blue whale\"]}\n");
        _dir.Write("prompts/summary/1.0.0.yaml", Version("1.0.0", string.Empty));
        _dir.Write("prompts/summary/1.2.0.yaml", Version("1.2.0", "Be brief."));
    }

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TheCliAndTheApiReturnTheSameObjectsAndSeeEachOthersSwitches()
    {
        await using var app = GroundedServer.Build(new ServeOptions(GroundedConfig.Parse(_config, new Dictionary<string, string?> { ["GROUNDED__STORE"] = _dir.Combine("store") }), "http://127.0.0.1:0"));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var cliPromote = Json(await Run("prompts", "promote", "summary@1.0.0", "--env", "production", "--json"));
        var apiPromote = await JsonAsync(await http.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.2.0", "env": "production"}""")));
        var apiRollback = await JsonAsync(await http.PostAsync("/v1/prompts/summary/rollback", Body("""{"env": "production"}""")));
        Assert.Equal(0, (await Run("prompts", "promote", "summary@1.2.0", "--env", "production")).ExitCode);
        var cliRollback = Json(await Run("prompts", "rollback", "summary", "--env", "production", "--json"));

        Assert.Equal(("promoted", "promoted"), (cliPromote["status"]!.GetValue<string>(), apiPromote["status"]!.GetValue<string>()));
        Assert.Equal(Keys(cliPromote), Keys(apiPromote));
        Assert.Equal(Keys(cliRollback), Keys(apiRollback));
        Assert.Equal(("1.0.0", "1.0.0"), (cliRollback["version"]!.GetValue<string>(), apiRollback["version"]!.GetValue<string>()));
        foreach (var (cli, api) in new[]
        {
            (new[] { "prompts", "list", "--json" }, "/v1/prompts"),
            (["prompts", "show", "summary", "--env", "production", "--json"], "/v1/prompts/summary?env=production"),
            (["prompts", "show", "summary@1.2.0", "--env", "production", "--json"], "/v1/prompts/summary@1.2.0?env=production"),
            (["prompts", "history", "summary", "--json"], "/v1/prompts/summary/history"),
            (["prompts", "diff", "summary@1.0.0", "summary@1.2.0", "--json"], "/v1/prompts/summary/diff?from=1.0.0&to=1.2.0"),
        })
        {
            var fromCli = Json(await Run(cli));
            var fromApi = await JsonAsync(await http.GetAsync(api));
            Assert.True(JsonNode.DeepEquals(fromCli, fromApi), $"{string.Join(' ', cli)}:\n{fromCli}\n{api}:\n{fromApi}");
        }

        await app.StopAsync();
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(_dir.Path, [.. args, "--store", "store", "--config", "grounded.yaml"]);

    private static JsonNode Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Stdout)!;
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    private static string[] Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string Version(string version, string system) => $"""
        id: summary
        version: {version}
        author: test
        model: small
        variables: [question]
        template:
          system: "{system}"
          user: "{"{{"}question{"}}"}"
        evaluation:
          dataset: ../../data/summary.jsonl
          metric: token_f1
        """;
}
