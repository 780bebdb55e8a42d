using Grounded.Hosting.Config;
using Grounded.Rag.Retrieve;

namespace Grounded.Hosting.Tests.Config;

/// <summary>The config file's <c>store</c> and <c>rag</c> sections, and the environment, feed the one options object every host builds from.</summary>
public sealed class GroundedConfigRagTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void WithoutAFileTheDefaultsHoldAndNoModelIsNeeded()
    {
        var options = GroundedConfig.Parse(string.Empty, NoEnvironment);

        Assert.Equal(".grounded", options.Rag.Store);
        Assert.True(options.Rag.QuantizedEmbeddings);
        Assert.Equal(RetrievalMode.Hybrid, options.Rag.Retrieval.Mode);
        Assert.Equal(15, options.Rag.RerankCandidates);
        Assert.Equal(5, options.TopK);
        Assert.Empty(options.Gateway.Models);
        Assert.Null(options.AskModel);
    }

    [Fact]
    public void TheExtractiveAnswerersOnTopicAbstentionModelIsOnUnlessTheThresholdAloneIsAskedFor()
    {
        Assert.NotNull(GroundedConfig.Parse(string.Empty, NoEnvironment).Rag.Extractive.Abstention);
        Assert.Null(GroundedConfig.Parse("rag: { abstention: threshold }", NoEnvironment).Rag.Extractive.Abstention);
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("rag: { abstention: sometimes }", NoEnvironment));
        Assert.Contains("rag.abstention must be model or threshold (got 'sometimes')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheStoreAndRagSections()
    {
        var options = GroundedConfig.Parse("""
            store: postgres://grounded@db:5432/grounded
            rag:
              quantize: false
              mode: keyword
              topK: 8
              rerank: 0
              mmr: 0.7
              correctSpelling: false
              ann: { enabled: false, minVectors: 100, efSearch: 300 }
            """, NoEnvironment);

        Assert.Equal("postgres://grounded@db:5432/grounded", options.Rag.Store);
        Assert.False(options.Rag.QuantizedEmbeddings);
        Assert.Equal(RetrievalMode.Keyword, options.Rag.Retrieval.Mode);
        Assert.Equal(8, options.TopK);
        Assert.Equal(0, options.Rag.RerankCandidates);
        Assert.Equal(0.7, options.Rag.Diversity);
        Assert.False(options.Rag.CorrectSpelling);
        Assert.False(options.Rag.Ann.Enabled);
        Assert.Equal(100, options.Rag.Ann.MinimumVectors);
        Assert.Equal(300, options.Rag.Ann.ExpansionSearch);
    }

    [Fact]
    public void TheEnvironmentOverridesTheFileAndTheOlderVariablesStillWork()
    {
        var options = GroundedConfig.Parse("store: ./from-file\nrag: { mode: dense }\n", new Dictionary<string, string?>
        {
            ["GROUNDED__STORE"] = "./from-environment",
            ["GROUNDED__RAG__TOPK"] = "3",
            ["GROUNDED_ANN_MIN_VECTORS"] = "50",
            ["GROUNDED_ANN_EF_SEARCH"] = "500",
        });

        Assert.Equal("./from-environment", options.Rag.Store);
        Assert.Equal(RetrievalMode.Dense, options.Rag.Retrieval.Mode);
        Assert.Equal(3, options.TopK);
        Assert.Equal(50, options.Rag.Ann.MinimumVectors);
        Assert.Equal(500, options.Rag.Ann.ExpansionSearch);
    }

    [Fact]
    public void GroundedHomeIsTheStoreOnlyWhenNothingElseNamesOne()
    {
        var home = new Dictionary<string, string?> { ["GROUNDED_HOME"] = "/srv/grounded" };

        Assert.Equal("/srv/grounded", GroundedConfig.Parse(string.Empty, home).Rag.Store);
        Assert.Equal("./named", GroundedConfig.Parse("store: ./named\n", home).Rag.Store);
    }

    [Fact]
    public void ListsEveryRagProblemAtOnce()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("""
            rag: { mode: fuzzy, topK: 0, rerank: -1, mmr: 2, model: nope, ann: { efSearch: 0 } }
            """, new Dictionary<string, string?> { ["GROUNDED_ANN_MIN_VECTORS"] = "many" }));

        Assert.Contains(error.Problems, p => p.Contains("rag.mode must be hybrid, dense or keyword (got 'fuzzy')", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("rag.topK", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("rag.rerank", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("rag.mmr", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("rag.model: 'nope' is not a configured model", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("rag.ann.efSearch", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("GROUNDED_ANN_MIN_VECTORS must be a whole number (got 'many')", StringComparison.Ordinal));
    }

    [Fact]
    public void TheConfigFileCanBeNamedByTheEnvironment()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("grounded.yaml", "store: ./named-by-env\n");

        var options = GroundedConfig.Load(null, new Dictionary<string, string?> { ["GROUNDED_CONFIG"] = file });

        Assert.Equal("./named-by-env", options.Rag.Store);
        Assert.Equal(file, options.ConfigFile);
    }

    [Fact]
    public void TheOlderAnnVariablesOverrideTheFileAndGroundedOverridesOverrideThem()
    {
        const string Yaml = "rag: { ann: { minVectors: 10, efSearch: 20 } }\n";

        var legacy = GroundedConfig.Parse(Yaml, new Dictionary<string, string?> { ["GROUNDED_ANN_MIN_VECTORS"] = "30", ["GROUNDED_ANN_EF_SEARCH"] = "40" });
        var both = GroundedConfig.Parse(Yaml, new Dictionary<string, string?> { ["GROUNDED_ANN_EF_SEARCH"] = "40", ["GROUNDED__RAG__ANN__EFSEARCH"] = "50" });

        Assert.Equal(30, legacy.Rag.Ann.MinimumVectors);
        Assert.Equal(40, legacy.Rag.Ann.ExpansionSearch);
        Assert.Equal(50, both.Rag.Ann.ExpansionSearch);
    }

    [Fact]
    public void AConfiguredAnswerModelIsNotReportedMissingBecauseOfAnotherProblem()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("""
            rag: { model: small }
            models:
              - { name: small, provider: openai, endpoint: "http://127.0.0.1:9/v1", model: m, contextWindow: 1000, maxOutputTokens: 100 }
            resilience: { attemptTimeout: soon }
            """, NoEnvironment));

        Assert.Contains(error.Problems, p => p.Contains("resilience.attemptTimeout", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Problems, p => p.Contains("rag.model", StringComparison.Ordinal));
    }
}
