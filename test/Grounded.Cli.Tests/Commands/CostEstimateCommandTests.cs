using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded cost estimate</c>: prices from the config or the built-in table, corpora measured by script.</summary>
public sealed class CostEstimateCommandTests : IDisposable
{
    private const string Config = """
        models:
          - name: small
            provider: openai
            endpoint: http://127.0.0.1:9999/v1
            model: small-model
            contextWindow: 128000
            maxOutputTokens: 4000
            price: { inputPerMTok: 0.15, outputPerMTok: 0.60 }
          - name: large
            provider: openai
            endpoint: http://127.0.0.1:9999/v1
            model: large-model
            contextWindow: 128000
            maxOutputTokens: 4000
            price: { inputPerMTok: 2.50, outputPerMTok: 10.00 }
          - name: mini
            provider: openai
            endpoint: http://127.0.0.1:9999/v1
            model: gpt-4o-mini-2024-07-18
            contextWindow: 128000
            maxOutputTokens: 4000
        """;

    private static readonly Dictionary<string, string> NoConfigVariable = new() { ["GROUNDED_CONFIG"] = string.Empty };
    private readonly TempDirectory _dir = new();

    public CostEstimateCommandTests() => _dir.Write("grounded.yaml", Config);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PricesTokensThroughEachNamedModelAtItsConfiguredPrice()
    {
        var json = await RunJsonAsync("--tokens", "1000000", "--model", "small", "--model", "large", "--config", "grounded.yaml");

        Assert.Equal(["models"], IndexedStoreFixture.Keys(json));
        var models = json.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["small", "large"], models.Select(m => m.GetProperty("model").GetString()));
        Assert.All(models, m => Assert.Equal((1_000_000L, 0L), (m.GetProperty("inputTokens").GetInt64(), m.GetProperty("outputTokens").GetInt64())));
        Assert.Equal([0.15, 2.5], models.Select(m => m.GetProperty("usd").GetDouble()));
        Assert.All(models, m => Assert.Equal("config", m.GetProperty("priceSource").GetString()));
    }

    [Fact]
    public async Task WithoutModelsEveryConfiguredOneIsPricedAndOneWithoutAPriceGetsTheBuiltInTable()
    {
        var json = await RunJsonAsync("--tokens", "1000000", "--output-tokens", "1000000", "--config", "grounded.yaml");

        var models = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        Assert.Equal(["small", "large", "mini"], models.Keys);
        Assert.Equal(0.15 + 0.60, models["small"].GetProperty("usd").GetDouble(), 6);
        Assert.Equal(0.15 + 0.60, models["mini"].GetProperty("usd").GetDouble(), 6); // gpt-4o-mini's list price
        Assert.StartsWith("builtin (", models["mini"].GetProperty("priceSource").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWellKnownProviderModelIdIsPricedWithoutAConfig()
    {
        var json = await RunJsonAsync(NoConfigVariable, "--tokens", "2000000", "--output-tokens", "100000", "--model", "gpt-4o-2024-08-06");

        var model = Assert.Single(json.GetProperty("models").EnumerateArray().ToList());
        Assert.Equal(2 * 2.50 + 0.1 * 10.00, model.GetProperty("usd").GetDouble(), 6);
        Assert.Equal(1.25, model.GetProperty("cachedInputPerMTok").GetDouble());
    }

    [Fact]
    public async Task ACorpusIsMeasuredByScriptAndRussianCostsMoreTokensPerWordThanEnglish()
    {
        WriteCorpus();

        var json = await RunJsonAsync("corpus", "--model", "small", "--config", "grounded.yaml");

        var corpus = json.GetProperty("corpus");
        Assert.Equal((5, 2, 3), (corpus.GetProperty("files").GetInt32(), corpus.GetProperty("skipped").GetInt32(), corpus.GetProperty("documents").GetInt32()));
        Assert.Equal(["corpus/binary.txt", "corpus/empty.txt"], corpus.GetProperty("skippedFiles").EnumerateArray().Select(f => f.GetProperty("source").GetString()));
        var scripts = corpus.GetProperty("scripts").EnumerateArray().ToDictionary(s => s.GetProperty("script").GetString()!);
        Assert.Equal(["latin", "cjk", "cyrillic"], scripts.Keys);
        Assert.True(scripts["cyrillic"].GetProperty("tokensPerWord").GetDouble() > 1.3 * scripts["latin"].GetProperty("tokensPerWord").GetDouble(), corpus.ToString());
        Assert.Equal(scripts["cjk"].GetProperty("letters").GetInt64(), scripts["cjk"].GetProperty("words").GetInt64()); // a CJK word is a character
        var tokens = corpus.GetProperty("tokens").GetInt64();
        Assert.Equal(tokens, scripts.Values.Sum(s => s.GetProperty("tokens").GetInt64()));
        Assert.Equal(tokens, json.GetProperty("models")[0].GetProperty("inputTokens").GetInt64());
    }

    [Fact]
    public async Task AHumanReadingWarnsOfEachSkippedFileOnStderr()
    {
        WriteCorpus();

        var result = await CliRunner.RunAsync(_dir.Path, "cost", "estimate", "corpus", "--model", "gpt-4o-mini");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["warning: skipped corpus/binary.txt: binary content (NUL bytes) in a text file", "warning: skipped corpus/empty.txt: empty file"], result.ErrorLines);
        Assert.Contains("3 documents read (2 skipped)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cyrillic", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentsExtrapolatesTheMeasuredAverage()
    {
        _dir.Write("two/a.txt", "The committee met on Tuesday to review the budget for next year.");
        _dir.Write("two/b.md", "# Budget\n\nAfter a long discussion, the members agreed to increase spending on public libraries.");

        var json = await RunJsonAsync("two", "--documents", "1000000", "--output-tokens-per-document", "200", "--model", "small", "--config", "grounded.yaml");

        var corpus = json.GetProperty("corpus");
        var model = json.GetProperty("models")[0];
        Assert.Equal(1_000_000, corpus.GetProperty("extrapolatedTo").GetInt64());
        Assert.Equal(Math.Round(corpus.GetProperty("tokens").GetInt64() / 2.0 * 1_000_000), model.GetProperty("inputTokens").GetInt64());
        Assert.Equal(200_000_000, model.GetProperty("outputTokens").GetInt64());
        Assert.Equal((model.GetProperty("inputTokens").GetInt64() * 0.15 + 200_000_000 * 0.60) / 1e6, model.GetProperty("usd").GetDouble(), 6);
    }

    [Theory]
    [InlineData("give PATH (files or folders to measure) or --tokens N", "--model", "small")]
    [InlineData("give PATH or --tokens, not both", "grounded.yaml", "--tokens", "5")]
    [InlineData("--documents and --output-tokens-per-document need a measured corpus", "--tokens", "5", "--documents", "10")]
    [InlineData("give --output-tokens (in all) or --output-tokens-per-document, not both", "grounded.yaml", "--output-tokens", "1", "--output-tokens-per-document", "1")]
    [InlineData("--model 'gpt-9' is neither a configured model (configured: small, large, mini) nor a well-known model id (known: ", "--tokens", "5", "--model", "gpt-9")]
    [InlineData("no such file or folder: missing", "missing", "--model", "small")]
    public async Task AMistakeIsAOneLineUserError(string message, params string[] args)
    {
        var result = await CliRunner.RunAsync(_dir.Path, ["cost", "estimate", .. args, "--config", "grounded.yaml", "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task WithNoModelConfiguredOrNamedItSaysWhatIsKnown()
    {
        var result = await CliRunner.RunAsync(_dir.Path, NoConfigVariable, "cost", "estimate", "--tokens", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no models to price", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("gpt-4o-mini", result.Stderr, StringComparison.Ordinal);
    }

    private void WriteCorpus()
    {
        _dir.Write("corpus/en.txt", "The committee met on Tuesday to review the budget for next year. After a long discussion, the members agreed to increase spending on public libraries and to reduce the cost of administration.");
        _dir.Write("corpus/ru.md", "Комитет собрался во вторник, чтобы рассмотреть бюджет на следующий год. После долгого обсуждения члены комитета согласились увеличить расходы на публичные библиотеки и сократить административные расходы.");
        _dir.Write("corpus/zh.txt", "委员会于星期二开会，审查明年的预算。经过长时间的讨论，成员们同意增加公共图书馆的开支，并减少行政费用。");
        _dir.Write("corpus/empty.txt", string.Empty);
        _dir.Write("corpus/binary.txt", [0, 1, 2, 3, (byte)'x']);
    }

    private Task<JsonElement> RunJsonAsync(params string[] args) => RunJsonAsync(new Dictionary<string, string>(), args);

    private async Task<JsonElement> RunJsonAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var result = await CliRunner.RunAsync(_dir.Path, environment, ["cost", "estimate", .. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
