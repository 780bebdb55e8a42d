using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

[Collection(nameof(IndexedStoreFixture))]
public sealed class AskCommandTests(IndexedStoreFixture fixture)
{
    private static readonly string[] AnswerKeys = ["id", "question", "answer", "abstained", "generator", "citations", "timings", "grounding"];

    [Fact]
    public async Task AnswersAsJsonWithCitationsPointingAtTheSource()
    {
        var json = IndexedStoreFixture.Json(await fixture.RunAsync("ask", "What causes ocean tides?", "--store", "store", "--json"));

        Assert.Equal(AnswerKeys, IndexedStoreFixture.Keys(json));
        Assert.False(json.GetProperty("abstained").GetBoolean());
        Assert.Equal("What causes ocean tides?", json.GetProperty("question").GetString());
        Assert.Contains("gravitational pull of the Moon", json.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("[1]", json.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = json.GetProperty("citations")[0];
        Assert.Equal(["n", "documentId", "source", "chunkId", "score", "text"], IndexedStoreFixture.Keys(citation));
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal(Path.Combine("docs", "tides.txt"), citation.GetProperty("source").GetString());
        Assert.Contains("gravitational pull of the Moon", citation.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["retrieveMs", "generateMs", "totalMs", "verifyMs"], IndexedStoreFixture.Keys(json.GetProperty("timings")));
        var grounding = json.GetProperty("grounding");
        Assert.Equal(["supported", "unsupported", "confidence", "claims", "method"], IndexedStoreFixture.Keys(grounding));
        Assert.True(grounding.GetProperty("supported").GetInt32() >= 1);
        Assert.Equal(0, grounding.GetProperty("unsupported").GetInt32()); // the extractive answerer quotes its sources
    }

    [Fact]
    public async Task AbstainsAsJsonWithNoCitationsWhenTheDocumentsDoNotAnswer()
    {
        var json = IndexedStoreFixture.Json(await fixture.RunAsync("ask", "What is the capital city of Australia?", "--store", "store", "--json"));

        Assert.Equal(AnswerKeys, IndexedStoreFixture.Keys(json));
        Assert.True(json.GetProperty("abstained").GetBoolean());
        Assert.Equal("The indexed documents do not answer this.", json.GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("citations").ValueKind);
        Assert.Equal(0, json.GetProperty("citations").GetArrayLength());
        Assert.Equal(["supported", "unsupported", "confidence", "method"], IndexedStoreFixture.Keys(json.GetProperty("grounding")));
        Assert.Equal(0, json.GetProperty("grounding").GetProperty("confidence").GetDouble());
    }

    [Fact]
    public async Task AnEmptyQuestionExitsWithAUserErrorOnOneLineWithoutAStackTrace()
    {
        var result = await fixture.RunAsync("ask", "", "--store", "store");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the question is empty", Assert.Single(result.ErrorLines));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    [Fact]
    public async Task ABudgetRefusalOfTheAnswersModelIsOneLineAndAUserError()
    {
        // The model's endpoint answers nothing: the budget refuses before any call is made.
        File.WriteAllText(Path.Combine(fixture.WorkingDirectory, "budget.yaml"), """
            models:
              - { name: small, provider: openai, endpoint: "http://127.0.0.1:9/v1", model: m, contextWindow: 8000, maxOutputTokens: 500 }
            budgets:
              - { scope: tenant, match: "*", maxTokensPerRequest: 100 }
            """);

        var result = await fixture.RunAsync("ask", "What causes ocean tides?", "--store", "store", "--model", "small", "--config", "budget.yaml");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: request exceeds budget: tenant 'default' allows 100 tokens per request, and this request may use ", line, StringComparison.Ordinal);
        Assert.EndsWith("; shorten the prompt", line, StringComparison.Ordinal);
    }
}
