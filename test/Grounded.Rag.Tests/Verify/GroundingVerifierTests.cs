using Grounded.Answers;
using Grounded.Rag.Tests.Support;
using Grounded.Rag.Verify;
using static Grounded.Rag.Tests.Verify.VerifyFixtures;

namespace Grounded.Rag.Tests.Verify;

[Collection(nameof(ArcticXsFixture))]
public sealed class GroundingVerifierTests(ArcticXsFixture model)
{
    private readonly GroundingVerifier _verifier = new(model.Embedder);

    [Fact]
    public async Task AClaimItsCitedSourceStatesIsSupported()
    {
        var evidence = Evidence(Tides, Solar);

        var verified = await _verifier.VerifyAsync(Cited("Tides are caused mainly by the Moon's gravitational pull on the oceans [1].", evidence, 1), evidence);

        var grounding = verified.Grounding!;
        Assert.Equal((1, 0), (grounding.Supported, grounding.Unsupported));
        Assert.True(grounding.Confidence >= 0.5, $"confidence {grounding.Confidence}");
        var claim = Assert.Single(grounding.Claims!);
        Assert.Equal([1], claim.Sources);
        Assert.Null(claim.Reason);
    }

    [Fact]
    public async Task AClaimStatingANumberItsSourceDoesNotIsUnsupported()
    {
        var evidence = Evidence(Solar);

        var verified = await _verifier.VerifyAsync(Cited("A typical home solar panel produces between 250 and 900 watts in full sun [1].", evidence, 1), evidence);

        var claim = Assert.Single(verified.Grounding!.Claims!);
        Assert.False(claim.Supported);
        Assert.Contains("900", claim.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 1), (verified.Grounding.Supported, verified.Grounding.Unsupported));
    }

    [Fact]
    public async Task AClaimItsCitedSourceDoesNotStateIsUnsupportedEvenWhenAnotherSourceDoes()
    {
        var evidence = Evidence(Tides, Bread);

        var verified = await _verifier.VerifyAsync(Cited("Ocean tides are caused mainly by the gravitational pull of the Moon [2].", evidence, 2), evidence);

        Assert.False(Assert.Single(verified.Grounding!.Claims!).Supported);
    }

    [Fact]
    public async Task ACitationToASourceThatWasNotRetrievedIsRemoved()
    {
        var evidence = Evidence(Tides);
        var answer = Cited("Ocean tides are caused mainly by the gravitational pull of the Moon [1][7].", evidence, 1);

        var verified = await _verifier.VerifyAsync(answer, evidence);

        Assert.Equal("Ocean tides are caused mainly by the gravitational pull of the Moon [1].", verified.Text);
        Assert.Equal(1, verified.Grounding!.RemovedCitations);
        Assert.Equal([1], verified.Citations.Select(c => c.N));
    }

    [Fact]
    public async Task AClaimCitingNothingIsCheckedAgainstEveryRetrievedSource()
    {
        var evidence = Evidence(Bread, Tides);

        var verified = await _verifier.VerifyAsync(new GeneratedAnswer("Most coasts see two high tides and two low tides every lunar day.", false, []), evidence);

        var claim = Assert.Single(verified.Grounding!.Claims!);
        Assert.True(claim.Supported);
        Assert.Empty(claim.Sources);
    }

    [Fact]
    public async Task AnAbstentionHasNoClaimsAndConfidenceZero()
    {
        var verified = await _verifier.VerifyAsync(GeneratedAnswer.Abstain(), Evidence(Tides));

        Assert.Equal((0, 0, 0.0), (verified.Grounding!.Supported, verified.Grounding.Unsupported, verified.Grounding.Confidence));
        Assert.Null(verified.Grounding.Claims);
        Assert.True(verified.Abstained);
    }

    [Fact]
    public async Task AnnotateKeepsTheTextAndReportsEachClaim()
    {
        var evidence = Evidence(Solar);
        const string text = "Solar panels convert sunlight into electricity using photovoltaic cells [1]. A panel produces 900 watts at night [1].";

        var verified = await _verifier.VerifyAsync(Cited(text, evidence, 1), evidence);

        Assert.Equal(text, verified.Text);
        Assert.Equal([true, false], verified.Grounding!.Claims!.Select(c => c.Supported));
    }

    [Fact]
    public async Task StripRemovesTheUnsupportedClaimsAndTheCitationsOnlyTheyUsed()
    {
        var evidence = Evidence(Solar, Bread);
        var answer = Cited("Solar panels convert sunlight into electricity using photovoltaic cells [1]. Bread must bake for 90 minutes at 500 degrees [2].", evidence, 1, 2);
        var verifier = new GroundingVerifier(model.Embedder, new GroundingOptions { Policy = GroundingPolicy.Strip });

        var verified = await verifier.VerifyAsync(answer, evidence);

        Assert.Equal("Solar panels convert sunlight into electricity using photovoltaic cells [1].", verified.Text);
        Assert.Equal([1], verified.Citations.Select(c => c.N));
        Assert.Equal((1, 0, 1), (verified.Grounding!.Supported, verified.Grounding.Unsupported, verified.Grounding.Withheld));
    }

    [Fact]
    public async Task StripAbstainsWhenNoClaimIsSupported()
    {
        var evidence = Evidence(Bread);
        var verifier = new GroundingVerifier(model.Embedder, new GroundingOptions { Policy = GroundingPolicy.Strip });

        var verified = await verifier.VerifyAsync(Cited("Bread must bake for 90 minutes at 500 degrees [1].", evidence, 1), evidence);

        Assert.True(verified.Abstained);
        Assert.Equal(GeneratedAnswer.AbstentionText, verified.Text);
        Assert.Empty(verified.Citations);
    }

    [Fact]
    public async Task AbstainWithholdsAnAnswerMostOfWhoseClaimsAreUnsupported()
    {
        var evidence = Evidence(Solar);
        var answer = Cited("Solar panels convert sunlight into electricity [1]. A panel makes 900 watts at night [1]. Panels last 80 years [1].", evidence, 1);
        var verifier = new GroundingVerifier(model.Embedder, new GroundingOptions { Policy = GroundingPolicy.Abstain, MinSupport = 0.5 });

        var verified = await verifier.VerifyAsync(answer, evidence);

        Assert.True(verified.Abstained);
        Assert.Equal((0, 0, 3), (verified.Grounding!.Supported, verified.Grounding.Unsupported, verified.Grounding.Withheld));
    }

    [Fact]
    public async Task AbstainKeepsAnAnswerWhoseClaimsAreSupported()
    {
        var evidence = Evidence(Solar);
        var verifier = new GroundingVerifier(model.Embedder, new GroundingOptions { Policy = GroundingPolicy.Abstain });

        var verified = await verifier.VerifyAsync(Cited("Solar panels convert sunlight into electricity using photovoltaic cells [1].", evidence, 1), evidence);

        Assert.False(verified.Abstained);
        Assert.Equal(1, verified.Grounding!.Supported);
    }
}
