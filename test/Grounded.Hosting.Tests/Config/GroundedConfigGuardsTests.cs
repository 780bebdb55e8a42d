using Grounded.Gateway.Guard;
using Grounded.Guards;
using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

public sealed class GroundedConfigGuardsTests
{
    private const string Models = """
        models:
          - name: small
            provider: openai
            endpoint: http://127.0.0.1:1/v1
            model: small-model
            contextWindow: 8000
            maxOutputTokens: 500
          - name: judge
            provider: openai
            endpoint: http://127.0.0.1:1/v1
            model: judge-model
            contextWindow: 8000
            maxOutputTokens: 500
            guards: { pii: { mode: flag } }
        routes:
          support: { default: small, guards: { injection: { mode: off }, tools: { allow: [lookup_order] } } }

        """;

    [Fact]
    public void NoGuardsSectionMeansNoGuards() => Assert.True(GroundedConfig.Parse("", new Dictionary<string, string?>()).Guards.IsEmpty);

    [Fact]
    public void TheIssuesShortFormTurnsOnPiiRedactionAndInjectionBlockingForEveryModel()
    {
        var guards = GroundedConfig.Parse(Models + "guards: { pii: { mode: redact }, injection: { mode: block } }", new Dictionary<string, string?>()).Guards;

        var small = guards.For("small");
        Assert.Equal(GuardMode.Redact, small.Pii!.Mode);
        Assert.Equal(GuardMode.Block, small.Injection!.Mode);
        Assert.Null(small.Topics);
        Assert.Same(small, guards.For("a-model-with-no-override"));
    }

    [Fact]
    public void AnOverrideReplacesTheGuardsItNamesAndInheritsTheOthers()
    {
        var guards = GroundedConfig.Parse(Models + "guards: { pii: { mode: pseudonymize, types: [email_address] }, injection: { mode: block } }", new Dictionary<string, string?>()).Guards;

        var judge = guards.For("judge");
        Assert.Equal(GuardMode.Flag, judge.Pii!.Mode);
        Assert.Null(judge.Pii.Types); // replaced whole, not merged field by field
        Assert.Equal(GuardMode.Block, judge.Injection!.Mode);

        var support = guards.For("support");
        Assert.Null(support.Injection);
        Assert.Equal(GuardMode.Pseudonymize, support.Pii!.Mode);
        Assert.Equal(["lookup_order"], support.Tools!.Allow);
        Assert.Equal(["EMAIL_ADDRESS"], guards.For("small").Pii!.Types!);
    }

    [Fact]
    public void EveryGuardBlockIsRead()
    {
        var guards = GroundedConfig.Parse(Models + """
            guards:
              topics:
                allowed: { billing: ["How do I pay my invoice?"] }
                denied: { legal: ["Can I sue my landlord?"] }
                allowedAbove: 0.5
                deniedAbove: 0.8
                refusal: "Billing only, sorry."
              toxicity: { mode: redact, input: false }
              schema: { repair: false }
              moderation: { model: judge, output: true, categories: [violence, hate], onFailure: closed }
            """, new Dictionary<string, string?>()).Guards.Default;

        Assert.Equal(("Billing only, sorry.", 0.5, 0.8), (guards.Topics!.Refusal, guards.Topics.AllowedAbove, guards.Topics.DeniedAbove));
        Assert.Equal((GuardMode.Redact, false, true), (guards.Toxicity!.Mode, guards.Toxicity.Input, guards.Toxicity.Output));
        Assert.False(guards.Schema!.Repair);
        Assert.Equal(("judge", true, true, true), (guards.Moderation!.Model, guards.Moderation.Input, guards.Moderation.Output, guards.Moderation.FailClosed));
        Assert.Equal(["violence", "hate"], guards.Moderation.Categories!);
    }

    [Fact]
    public void ListsEveryProblemWhereItWasWritten()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse(Models.Replace("guards: { pii: { mode: flag } }", "guards: { pii: { mode: hide } }", StringComparison.Ordinal) + """
            guards:
              pii: { mode: pseudonymize, types: [EMAIL_ADDRESS, SHOE_SIZE] }
              injection: { mode: redact, threshold: 1.5 }
              topics: { allowed: { billing: [] }, allowedAbove: 0, deniedAbove: 2 }
              toxicity: { mode: pseudonymize, input: false, output: false }
              moderation: { model: gpt-nope, mode: flag, categories: [violence, gossip], onFailure: maybe }
              tools: {}
            """, new Dictionary<string, string?>()));

        Assert.Equal(
        [
            "guards.pii.types: 'SHOE_SIZE' is not an entity type (expected EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS, DATE_TIME, STREET_ADDRESS, PERSON)",
            "guards.injection.mode: 'redact' is not a mode of this guard (expected block, flag, or off)",
            "guards.injection.threshold must be above 0 and below 1 (got 1.5)",
            "guards.topics.allowed.billing: a topic needs example sentences, none empty",
            "guards.topics.allowedAbove must be above 0 and below 1 (got 0)",
            "guards.topics.deniedAbove must be above 0 and below 1 (got 2)",
            "guards.toxicity.mode: 'pseudonymize' is not a mode of this guard (expected block, redact, flag, or off)",
            "guards.toxicity checks neither input nor output (set input or output to true, or mode: off)",
            "guards.moderation.onFailure: 'maybe' is not open or closed",
            "guards.moderation.model: 'gpt-nope' is not a configured model",
            "guards.moderation.categories: 'gossip' is not a category of the policy moderation-policy.v1 (expected hate, harassment, violence, self-harm, sexual, sexual-minors, illegal, weapons)",
            "guards.tools.allow is required: the tools a request may declare or call ([] allows none)",
            "models.judge.guards.pii.mode: 'hide' is not a mode (expected block, redact, pseudonymize, flag or off)",
        ], error.Problems);
    }

    [Fact]
    public void AnUnknownKeyInAGuardBlockIsRejectedWithItsLine()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("guards:\n  pii: { mode: redact, colour: blue }\n", new Dictionary<string, string?>()));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("colour", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EnvironmentVariablesSetAGuardTheFileDoesNotMention()
    {
        var guards = GroundedConfig.Parse(Models, new Dictionary<string, string?>
        {
            ["GROUNDED__GUARDS__PII__MODE"] = "pseudonymize",
            ["GROUNDED__GUARDS__TOOLS__ALLOW"] = "lookup_order, get_weather",
            ["GROUNDED__MODELS__SMALL__GUARDS__INJECTION__MODE"] = "flag",
        }).Guards;

        Assert.Equal(GuardMode.Pseudonymize, guards.Default.Pii!.Mode);
        Assert.Equal(["get_weather", "lookup_order"], guards.Default.Tools!.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(GuardMode.Flag, guards.For("small").Injection!.Mode);
    }
}
