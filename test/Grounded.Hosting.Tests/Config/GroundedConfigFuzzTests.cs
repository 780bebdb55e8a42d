using System.Text;
using CsCheck;
using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

/// <summary>The config loader never crashes or hangs: any text gives options or a <see cref="ConfigException"/> within seconds.</summary>
[Collection(nameof(GroundedConfigFuzzTests))]
[CollectionDefinition(nameof(GroundedConfigFuzzTests), DisableParallelization = true)]
[Trait("Category", "Fuzz")]
public sealed class GroundedConfigFuzzTests
{
    private const string Valid = """
        models:
          - name: small
            provider: openai
            endpoint: http://127.0.0.1:9/v1
            model: small-model
            contextWindow: 8000
        server: { maxRequestBodyBytes: 1048576 }
        rag: { topK: 5, model: small }
        routes:
          fast: { models: [small] }
        guards: { injection: { mode: flag } }
        budgets:
          - { scope: tenant, usd: 10, period: day }
        """;

    private static readonly Gen<string> Tokens = Gen.OneOf<string>(
        Gen.OneOf<string>("models:", "server:", "rag:", "routes:", "guards:", "budgets:", "alerts:", "redis:", "limits:", "cache:", "auth:", "prompts:", "store:",
            "name:", "provider:", "endpoint:", "model:", "contextWindow:", "maxRequestBodyBytes:", "topK:", "keys:", "rules:", "x:",
            "\n", "\n  ", "\n    ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!binary ", "!!python/object ", "!<tag:x> ", "!!int ",
            "'", "\"", "|", ">", "#", "%YAML 1.2\n", "---\n", "...\n", "? ", "<<: *a", "~", "null", "true", "1e999", "-1", "0x1F", "99999999999999999999", "1.5"),
        Gen.String[0, 20]);

    private static readonly Gen<string> Yaml = Gen.OneOf<string>(
        Tokens.Array[0, 300].Select(parts => string.Concat(parts)),
        Fuzzing.Mutations(Encoding.UTF8.GetBytes(Valid)).Select(bytes => Encoding.UTF8.GetString(bytes)),
        Gen.Select(Gen.OneOf<string>("rag:\n  model: ", "routes:\n  x: ", "models: ", "fallbacks:\n  small: ", "x: "), Gen.OneOf<string>("[", "{a: ", "- "), Gen.Int[0, 5000],
            (key, open, depth) => key + string.Concat(Enumerable.Repeat(open, depth))),
        Gen.Int[1, 30].Select(Laughs));

    [Fact]
    public void AnyTextGivesOptionsOrAConfigExceptionWithinSeconds() =>
        Fuzzing.Check("config", Yaml, yaml =>
        {
            try
            {
                Fuzzing.Within(TimeSpan.FromSeconds(10), 256L << 20, _ => Task.FromResult(GroundedConfig.Parse(yaml, new Dictionary<string, string?>())));
            }
            catch (ConfigException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }
        }, iterations: 300);

    [Fact]
    public void TextAfterADocumentEndMarkerIsAConfigException() =>
        Assert.Equal("config: not valid YAML: The scanner should contain no more tokens.", Assert.Throws<ConfigException>(() => GroundedConfig.Parse("...\nx", new Dictionary<string, string?>())).Message);

    [Fact]
    public void EmptySectionsTakeTheirDefaultsAndEmptyListItemsAreProblemsNamingThem()
    {
        Assert.Equal(5, GroundedConfig.Parse("rag:\nserver:\nguards:\nalerts:\nroutes:\n", new Dictionary<string, string?>()).TopK);

        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("models:\n  - \nbudgets: [~]\nfallbacks: { small: }\nauth: { keys: [~] }", new Dictionary<string, string?>()));

        Assert.Equal(["models[0] is empty", "fallbacks.small is empty", "auth.keys[0] is empty", "budgets[0] is empty"], error.Problems.Where(p => p.EndsWith(" is empty", StringComparison.Ordinal)));
    }

    [Fact]
    public void ABillionLaughsIsRefusedQuickly()
    {
        var error = Assert.Throws<ConfigException>(() => Fuzzing.Within(TimeSpan.FromSeconds(10), 256L << 20, _ => Task.FromResult(GroundedConfig.Parse(Laughs(30), new Dictionary<string, string?>()))));

        Assert.StartsWith("config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigFileOverTheSizeLimitIsRefusedNamingIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("grounded.yaml", "# padding\n" + new string('#', (int)GroundedConfig.MaxFileBytes));

        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Load(path, new Dictionary<string, string?>()));

        Assert.Equal($"config file {path} is {GroundedConfig.MaxFileBytes + 10} bytes; the limit is 1048576 bytes (1 MB)", error.Message);
    }

    // Each level is ten aliases of the one before: 10^levels strings if aliases were expanded.
    private static string Laughs(int levels) =>
        "fallbacks:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + string.Concat(Enumerable.Range(1, levels).Select(i => $"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));
}
