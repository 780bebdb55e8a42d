using Grounded.Gateway.Route;
using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

/// <summary><c>routes:</c>: named routes mapping classes to models, every problem listed, and the built-in <c>auto</c>.</summary>
public sealed class GroundedConfigRouteTests
{
    private const string Models = """
        models:
          - name: small
            provider: openai
            endpoint: http://127.0.0.1:9000/v1
            model: gpt-4o-mini
            contextWindow: 128000
            maxOutputTokens: 16384
            price: { inputPerMTok: 0.15, outputPerMTok: 0.60 }
          - name: large
            provider: openai
            endpoint: http://127.0.0.1:9000/v1
            model: gpt-4o
            contextWindow: 128000
            maxOutputTokens: 16384
            price: { inputPerMTok: 2.50, outputPerMTok: 10.00 }
          - name: mid
            provider: openai
            endpoint: http://127.0.0.1:9000/v1
            model: gpt-4.1-mini
            contextWindow: 128000
            maxOutputTokens: 16384
            price: { inputPerMTok: 0.40, outputPerMTok: 1.60 }

        """;

    [Fact]
    public void ReadsTheDocumentedExample()
    {
        var options = Parse("""
            routes:
              auto:
                classes: { simple: small, code: large, reasoning: large, long: large, multilingual: small }
                default: small
                longAboveTokens: 6000
            """);

        var auto = Assert.Single(options.Gateway.Routes);
        Assert.Equal(("auto", "small", 6000, 4000), (auto.Name, auto.Default, auto.LongAboveTokens, auto.LongOutputAboveTokens));
        Assert.Equal("large", auto.ModelFor(RequestClass.Code));
        Assert.Equal("small", auto.ModelFor(RequestClass.Conversation));
        Assert.Equal(["small", "large", "mid", "auto"], options.Gateway.Names);
    }

    [Fact]
    public void ListsEveryRouteProblemAtOnce()
    {
        var error = Assert.Throws<ConfigException>(() => Parse("""
            routes:
              small:
                default: large
              cheap:
                classes: { code: huge, poetry: small }
                longAboveTokens: 0
                multilingualAboveShare: 1.5
              fast:
                classes: { code: large }
            """));

        Assert.Equal(
        [
            "routes.small: 'small' is a model's name; a route needs a name of its own",
            "routes.cheap.classes.code: 'huge' is not a configured model",
            "routes.cheap.classes: 'poetry' is not a class (expected long, code, reasoning, longOutput, conversation, multilingual, simple)",
            "routes.cheap: default is required (the model for the classes not listed: long, code, reasoning, longOutput, conversation, multilingual, simple)",
            "routes.cheap.longAboveTokens must be positive (got 0)",
            "routes.cheap.multilingualAboveShare must be at least 0 and below 1 (got 1.5)",
            "routes.fast: default is required (the model for the classes not listed: long, reasoning, longOutput, conversation, multilingual, simple)",
        ], error.Problems);
    }

    [Fact]
    public void WithoutAnAutoRouteTheBuiltInOneSendsDemandingClassesToTheDearestModelAndTheRestToTheCheapest()
    {
        var auto = Assert.Single(Parse(string.Empty).Gateway.Routes);

        Assert.Equal(("auto", "small"), (auto.Name, auto.Default));
        Assert.All([RequestClass.Code, RequestClass.Reasoning, RequestClass.Long, RequestClass.LongOutput], c => Assert.Equal("large", auto.ModelFor(c)));
        Assert.All([RequestClass.Simple, RequestClass.Multilingual, RequestClass.Conversation], c => Assert.Equal("small", auto.ModelFor(c)));
    }

    [Fact]
    public void AModelNamedAutoKeepsItsNameAndNoModelsMeansNoRoutes()
    {
        var named = GroundedConfig.Parse(Models.Replace("name: mid", "name: auto", StringComparison.Ordinal), new Dictionary<string, string?>());
        var none = GroundedConfig.Parse(string.Empty, new Dictionary<string, string?>());

        Assert.Empty(named.Gateway.Routes);
        Assert.Empty(none.Gateway.Routes);
    }

    [Fact]
    public void AnEnvironmentVariableSetsARoutesModel()
    {
        var options = GroundedConfig.Parse(Models + "routes: { fast: { default: small } }", new Dictionary<string, string?>
        {
            ["GROUNDED__ROUTES__FAST__CLASSES__CODE"] = "mid",
            ["GROUNDED__ROUTES__FAST__LONGABOVETOKENS"] = "9000",
        });

        var fast = options.Gateway.FindRoute("fast")!;
        Assert.Equal(("mid", 9000), (fast.ModelFor(RequestClass.Code), fast.LongAboveTokens));
    }

    [Fact]
    public void RagModelMayNameARoute()
    {
        var options = Parse("rag: { model: auto }");

        Assert.Equal("auto", options.AskModel);
    }

    private static GroundedOptions Parse(string yaml) => GroundedConfig.Parse(Models + yaml, new Dictionary<string, string?>());
}
