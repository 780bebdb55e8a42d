using Grounded.Hosting.Config;
using Grounded.Rag.Guard;
using Grounded.Rag.Verify;

namespace Grounded.Hosting.Tests.Config;

/// <summary>The <c>guards.grounding</c> and <c>guards.retrieval</c> blocks: checked with the rest of the file, carried on the RAG options.</summary>
public sealed class GroundedConfigGroundingTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private const string Model = """
        models:
          - { name: small, provider: openai, endpoint: "http://127.0.0.1:9/v1", model: m, contextWindow: 8000, maxOutputTokens: 500 }
        """;

    [Fact]
    public void WithoutAGuardsBlockEveryAnswerIsAnnotatedAndNoRetrievalGuardRuns()
    {
        var options = GroundedConfig.Parse(string.Empty, NoEnvironment);

        Assert.Equal(GroundingPolicy.Annotate, options.Rag.Grounding.Policy);
        Assert.False(options.Rag.RetrievalGuards.IsActive);
        Assert.Null(options.GroundingJudge);
    }

    [Fact]
    public void ReadsTheGroundingBlock()
    {
        var options = GroundedConfig.Parse(Model + "\n" + """
            guards:
              grounding: { policy: abstain, minSupport: 0.75, threshold: 0.6, judge: small, samples: 3 }
            """, NoEnvironment);

        Assert.Equal(new GroundingOptions { Policy = GroundingPolicy.Abstain, MinSupport = 0.75, Threshold = 0.6, Samples = 3 }, options.Rag.Grounding);
        Assert.Equal("small", options.GroundingJudge);
    }

    [Fact]
    public void ARetrievalBlockTurnsTheGuardsOnWithDropAndRedactByDefault()
    {
        var options = GroundedConfig.Parse("""
            guards:
              retrieval: { sensitiveCollections: [hr, " finance "] }
            """, NoEnvironment);

        var guards = options.Rag.RetrievalGuards;
        Assert.True(guards.IsActive);
        Assert.Equal((RetrievedInjectionAction.Drop, RetrievedPiiAction.Redact), (guards.Injection, guards.Pii));
        Assert.Equal(["hr", "finance"], guards.SensitiveCollections);
        Assert.NotNull(guards.InjectionDetector);
        Assert.NotNull(guards.PiiDetector);
    }

    [Fact]
    public void ReadsQuoteAndFlag()
    {
        var guards = GroundedConfig.Parse("guards: { retrieval: { injection: quote, pii: flag } }", NoEnvironment).Rag.RetrievalGuards;

        Assert.Equal((RetrievedInjectionAction.Quote, RetrievedPiiAction.Flag), (guards.Injection, guards.Pii));
    }

    [Fact]
    public void ListsEveryProblemOfBothBlocksAtOnce()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse(Model + "\n" + """
            guards:
              retrieval: { injection: block, pii: mask, sensitiveCollections: [""] }
              grounding: { policy: drop, minSupport: 2, threshold: -1, judge: big, samples: 11 }
            """, NoEnvironment));

        Assert.Equal(
        [
            "guards.retrieval.injection must be drop, quote, flag or off (got 'block')",
            "guards.retrieval.pii must be redact or flag (got 'mask')",
            "guards.retrieval.sensitiveCollections: a collection name is empty",
            "guards.grounding.policy must be annotate, strip, abstain or off (got 'drop')",
            "guards.grounding: the grounding minSupport must be between 0 and 1 (got 2)",
            "guards.grounding: the grounding threshold must be between 0 and 1 (got -1)",
            "guards.grounding: the grounding samples must be between 0 and 10 (got 11)",
            "guards.grounding.judge: 'big' is not a configured model or route",
        ], error.Problems.Where(p => p.StartsWith("guards.", StringComparison.Ordinal)));
    }

    [Fact]
    public void APerModelGroundingOrRetrievalBlockIsRefused()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("""
            models:
              - { name: small, provider: openai, endpoint: "http://127.0.0.1:9/v1", model: m, guards: { grounding: { policy: strip }, retrieval: { injection: quote } } }
            """, NoEnvironment));

        Assert.Contains("models[small].guards.retrieval: guards on retrieved chunks apply to the store, not to one model: set them at the top level (guards.retrieval)", error.Problems);
        Assert.Contains("models[small].guards.grounding: the grounding check covers every answer from sources: set it at the top level (guards.grounding)", error.Problems);
    }
}
