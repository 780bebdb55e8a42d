using Grounded.Rag.Answer.Abstain;

namespace Grounded.Rag.Tests.Answer.Abstain;

public sealed class AbstentionModelTests
{
    [Fact]
    public void TheShippedModelWeighsOnlyFeaturesTheAnswererComputes()
    {
        var model = AbstentionModel.Default;

        Assert.NotEmpty(model.Weights);
        Assert.All(model.Weights.Keys, name => Assert.Contains(name, AbstentionFeatures.Names));
        Assert.InRange(model.Threshold, 0.01, 0.99);
    }

    [Fact]
    public void EvidenceFromOneDocumentThatCoversTheQuestionIsMoreLikelyToAnswerThanScatteredWeakEvidence()
    {
        var model = AbstentionModel.Default;
        var strong = Features(relevance: 1.1, similarity: 0.7, chunkCoverage: 0.9, weightedCoverage: 0.8, documentMargin: 0.15, documentShare: 0.8);
        var scattered = Features(relevance: 0.9, similarity: 0.6, chunkCoverage: 0.5, weightedCoverage: 0.4, documentMargin: 0.01, documentShare: 0.2);

        Assert.True(model.Probability(strong) >= model.Threshold);
        Assert.True(model.Probability(scattered) < model.Threshold);
    }

    private static double[] Features(double relevance, double similarity, double chunkCoverage, double weightedCoverage, double documentMargin, double documentShare)
    {
        var values = new Dictionary<string, double>
        {
            ["relevance"] = relevance, ["similarity"] = similarity, ["coverage"] = weightedCoverage, ["chunk_coverage"] = chunkCoverage,
            ["weighted_coverage"] = weightedCoverage, ["document_margin"] = documentMargin, ["document_share"] = documentShare,
            ["question_terms"] = 0.5, ["names_covered"] = 1, ["numbers_covered"] = 1, ["documents"] = 3,
            ["phrase_coverage"] = weightedCoverage, ["evidence_phrase_coverage"] = weightedCoverage, ["peak"] = documentMargin,
        };
        return AbstentionFeatures.Names.Select(n => values.GetValueOrDefault(n)).ToArray();
    }
}
