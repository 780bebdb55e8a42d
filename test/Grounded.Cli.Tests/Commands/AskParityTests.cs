using System.Net.Http.Json;
using System.Text.Json;
using Grounded.Cli.Tests.Support;
using Grounded.Hosting.Config;
using Grounded.Server;
using Microsoft.AspNetCore.Builder;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded ask --json</c> and <c>POST /v1/ask</c> are one call: same options, same object.</summary>
[Collection(nameof(IndexedStoreFixture))]
public sealed class AskParityTests(IndexedStoreFixture fixture)
{
    [Theory]
    [InlineData("What causes ocean tides?", """{"question":"What causes ocean tides?"}""", new string[0])]
    [InlineData("How hot is the oven for bread?", """{"question":"How hot is the oven for bread?","topK":3,"mode":"keyword","rerank":0}""", new[] { "--top-k", "3", "--mode", "keyword", "--rerank", "0" })]
    [InlineData("What is the capital of Australia?", """{"question":"What is the capital of Australia?"}""", new string[0])]
    public async Task TheCliAndTheApiReturnTheSameAnswerForTheSameOptions(string question, string body, string[] flags)
    {
        var store = Path.Combine(fixture.WorkingDirectory, "store");
        await using var app = GroundedServer.Build(new ServeOptions(GroundedConfig.Parse(string.Empty, new Dictionary<string, string?> { ["GROUNDED__STORE"] = store }), "http://127.0.0.1:0"));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var cli = IndexedStoreFixture.Json(await fixture.RunAsync(["ask", question, "--store", "store", "--json", .. flags]));
        var api = JsonDocument.Parse(await (await http.PostAsync("/v1/ask", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync()).RootElement;

        // The same keys; the CLI's question is the one the local user typed, the API's is null: a response never repeats the
        // caller's text (tenants-and-keys).
        Assert.Equal(question, cli.GetProperty("question").GetString());
        Assert.Equal(JsonValueKind.Null, api.GetProperty("question").ValueKind);
        Assert.Equal(IndexedStoreFixture.Keys(cli), IndexedStoreFixture.Keys(api));
        Assert.Equal(cli.GetProperty("answer").GetString(), api.GetProperty("answer").GetString());
        Assert.Equal(cli.GetProperty("abstained").GetBoolean(), api.GetProperty("abstained").GetBoolean());
        Assert.Equal(cli.GetProperty("generator").GetString(), api.GetProperty("generator").GetString());
        Assert.Equal(Citations(cli), Citations(api));
        await app.StopAsync();
    }

    private static string[] Citations(JsonElement answer) =>
        answer.GetProperty("citations").EnumerateArray().Select(c => $"{c.GetProperty("n")} {c.GetProperty("chunkId")} {c.GetProperty("score")}").ToArray();
}
