using Grounded.Prompts;
using Grounded.Rag.Prompts;

namespace Grounded.Rag.Tests.Prompts;

public sealed class PromptRegistryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheBuiltInPromptsLoadWithTheAnswerPromptAtVersionTwo()
    {
        var registry = PromptRegistry.BuiltIn;

        Assert.Equal(["answer-judge", "grounded-answer", "grounding-judge"], registry.Ids);
        Assert.Equal("grounded-answer@2.0.0", registry.Find("grounded-answer")!.Reference);
        Assert.Equal(["1.0.0", "2.0.0"], registry.Versions("grounded-answer").Select(v => v.Version.ToString()));
        var judge = registry.Find("answer-judge")!;
        Assert.Equal(["question", "reference", "answer", "sources"], judge.Variables);
        Assert.Contains("\"score\"", judge.Template.User, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("eval", "datasets", "grounded-docs.jsonl"), registry.Find("grounded-answer")!.Evaluation!.Dataset, StringComparison.Ordinal);
    }

    [Fact]
    public void AUserDirectoryAddsVersionsAndACopyOfABuiltInIsNoClash()
    {
        _dir.Write("prompts/summary/1.0.0.yaml", Valid("summary", "1.0.0"));
        _dir.Write("prompts/summary/1.10.0.yaml", Valid("summary", "1.10.0"));
        _dir.Write("prompts/summary/1.2.0.yaml", Valid("summary", "1.2.0"));
        var builtIn = PromptRegistry.BuiltIn.Find("answer-judge")!;
        using (var stream = typeof(PromptRegistry).Assembly.GetManifestResourceStream("Grounded.Prompts/answer-judge/1.0.0.yaml")!)
        using (var reader = new StreamReader(stream))
        {
            _dir.Write("prompts/answer-judge/1.0.0.yaml", reader.ReadToEnd());
        }

        var registry = PromptRegistry.Load(_dir.Combine("prompts"));

        Assert.Equal(["1.0.0", "1.2.0", "1.10.0"], registry.Versions("summary").Select(v => v.Version.ToString()));
        Assert.Equal("summary@1.10.0", registry.Find("summary")!.Reference);
        Assert.Equal(builtIn.Source, registry.Find("answer-judge")!.Source);
    }

    [Fact]
    public void LoadingListsEveryProblemOfEveryFileWithItsName()
    {
        _dir.Write("prompts/bad/1.0.0.yaml", """
            id: bad
            version: 1.0.0
            parameters: { temperature: 2.5, top_p: 1.5, max_tokens: 0 }
            variables: [name, unused]
            template:
              system: "You help {{who}}."
              user: "Hello {{name}}"
            """);
        _dir.Write("prompts/bad/two.yaml", Valid("bad", "2.0"));
        _dir.Write("prompts/wrong-folder/1.0.0.yaml", Valid("other", "1.0.0"));
        _dir.Write("prompts/grounded-answer/2.0.0.yaml", "id: grounded-answer\nversion: 2.0.0\nvariables: [abstention, sources, question]\ntemplate:\n  user: \"{{abstention}} {{sources}} {{question}}\"\n");

        var error = Assert.Throws<PromptRegistryException>(() => PromptRegistry.Load(_dir.Combine("prompts")));

        string[] expected =
        [
            "temperature must be between 0 and 2", "top_p must be between 0 and 1", "max_tokens must be at least 1",
            "uses {{who}} but variables does not declare 'who'", "declares 'unused' but no template uses {{unused}}",
            "version '2.0' is not a semantic version", "id 'other' does not match its folder 'wrong-folder'",
            "grounded-answer@2.0.0 is already defined by builtin:grounded-answer/2.0.0.yaml",
        ];
        Assert.All(expected, e => Assert.Contains(error.Problems, p => p.Contains(e, StringComparison.Ordinal)));
        Assert.Equal(expected.Length, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith(_dir.Combine("prompts", "bad", "1.0.0.yaml") + ": ", StringComparison.Ordinal));
        Assert.All(expected, e => Assert.Contains(e, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownFieldIsAProblemWithItsLine()
    {
        _dir.Write("prompts/x/1.0.0.yaml", "id: x\nversion: 1.0.0\ntemprature: 1\ntemplate: { user: hi }\n");

        var error = Assert.Throws<PromptRegistryException>(() => PromptRegistry.Load(_dir.Combine("prompts")));

        Assert.Contains("line 3", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeysAndWrongTypesAreEachAProblemWithItsLineAlongsideTheOtherChecks()
    {
        _dir.Write("prompts/x/1.0.0.yaml", """
            id: x
            version: 1.0.0
            temprature: 1
            parameters: { temperature: warm, top_p: 3, max_tokens: 1.5, seed: 4 }
            variables: name
            template:
              user: "Hi {{who}}"
              assistant: "no"
            """);

        var error = Assert.Throws<PromptRegistryException>(() => PromptRegistry.Load(_dir.Combine("prompts")));

        string[] expected =
        [
            "line 3: unknown field 'temprature'",
            "line 4: parameters.temperature must be a number (got 'warm')",
            "line 4: parameters.max_tokens must be a whole number (got '1.5')",
            "line 4: unknown field 'parameters.seed'",
            "parameters.top_p must be between 0 and 1",
            "line 5: variables must be a list of names",
            "line 8: unknown field 'template.assistant'",
            "uses {{who}} but variables does not declare 'who'",
        ];
        Assert.All(expected, e => Assert.Contains(error.Problems, p => p.Contains(e, StringComparison.Ordinal)));
        Assert.Equal(expected.Length, error.Problems.Count);
        Assert.DoesNotContain(error.Problems, p => p.Contains("Grounded.", StringComparison.Ordinal) || p.Contains("Document", StringComparison.Ordinal));
    }

    [Fact]
    public void ABuiltInIdMustDeclareExactlyTheVariablesTheCodeFills()
    {
        _dir.Write("prompts/grounded-answer/3.0.0.yaml", """
            id: grounded-answer
            version: 3.0.0
            variables: [question, tone]
            template:
              user: "{{question}} in a {{tone}} voice"
            """);
        _dir.Write("prompts/grounding-judge/2.0.0.yaml", """
            id: grounding-judge
            version: 2.0.0
            variables: [sources, claims]
            template:
              user: "{{sources}} {{claims}}"
            """);

        var error = Assert.Throws<PromptRegistryException>(() => PromptRegistry.Load(_dir.Combine("prompts")));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("grounded-answer must declare exactly the variables the code fills: abstention, sources, question (missing abstention, sources; tone would never be filled)", problem, StringComparison.Ordinal);
        Assert.Contains(_dir.Combine("prompts", "grounded-answer", "3.0.0.yaml"), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidRegistryNamesTheDirectoryItLoaded()
    {
        _dir.Write("prompts/x/1.0.0.yaml", "id: x\n");

        var error = Assert.Throws<PromptRegistryException>(() => PromptRegistry.Load(_dir.Combine("prompts")));

        Assert.Contains($"the prompts directory '{Path.GetFullPath(_dir.Combine("prompts"))}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderingFillsEveryVariableAndNamesAMissingOne()
    {
        _dir.Write("prompts/greet/1.0.0.yaml", Valid("greet", "1.0.0"));
        var prompt = PromptRegistry.Load(_dir.Combine("prompts")).Get(PromptReference.Parse("greet@1.0.0"));

        var (system, user) = prompt.Render(new Dictionary<string, string> { ["name"] = "Ada {{name}}", ["topic"] = "tides" });
        var missing = Assert.Throws<PromptVariableException>(() => prompt.Render(new Dictionary<string, string> { ["name"] = "Ada" }));

        Assert.Equal(("You explain tides.", "Hello Ada {{name}}"), (system, user));
        Assert.Equal("topic", missing.Variable);
        Assert.Contains("greet@1.0.0 needs the variable 'topic'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownPromptOrVersionIsNamed()
    {
        var unknown = Assert.Throws<PromptNotFoundException>(() => PromptRegistry.BuiltIn.Get(PromptReference.Parse("nope")));
        var version = Assert.Throws<PromptNotFoundException>(() => PromptRegistry.BuiltIn.Get(PromptReference.Parse("grounded-answer@9.0.0")));

        Assert.Contains("no prompt 'nope'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("has no version 9.0.0 (it has 1.0.0, 2.0.0)", version.Message, StringComparison.Ordinal);
    }

    private static string Valid(string id, string version) => $"""
        id: {id}
        version: {version}
        author: test
        parameters: {"{"} temperature: 0.2 {"}"}
        variables: [name, topic]
        template:
          system: "You explain {"{{topic}}"}."
          user: "Hello {"{{name}}"}"
        """;
}
