using Grounded.Evaluation.Answers;
using Grounded.Hosting.Prompts;
using Grounded.Prompts;
using Grounded.Rag;
using Grounded.Rag.Prompts;

namespace Grounded.Hosting.Tests.Prompts;

public sealed class StackPromptsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stack-prompts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WithoutAPointerANewFileDoesNotGoLiveABuiltInIdUsesItsDefaultAndAUserIdItsNewestRelease()
    {
        Write("grounded-answer/3.0.0.yaml", "id: grounded-answer\nversion: 3.0.0\nvariables: [abstention, sources, question]\ntemplate:\n  user: \"{{abstention}} {{sources}} {{question}}\"\n");
        Write("summary/1.0.0.yaml", Summary("1.0.0"));
        Write("summary/1.1.0-rc.1.yaml", Summary("1.1.0-rc.1"));
        Write("draft/0.1.0-alpha.yaml", "id: draft\nversion: 0.1.0-alpha\ntemplate:\n  user: hi\n");
        await using var stack = Stack();

        var answer = await stack.ExplainPromptAsync(new PromptReference("grounded-answer", null));
        var summary = await stack.ExplainPromptAsync(new PromptReference("summary", null));
        var draft = await Assert.ThrowsAsync<PromptNotFoundException>(() => stack.ResolvePromptAsync(new PromptReference("draft", null)));

        Assert.Equal(("grounded-answer@2.0.0", "no pointer in production: built-in default"), (answer.Prompt.Reference, answer.Why));
        Assert.Equal(("summary@1.0.0", "no pointer in production: newest release"), (summary.Prompt.Reference, summary.Why));
        Assert.Contains("only pre-release versions (0.1.0-alpha)", draft.Message, StringComparison.Ordinal);
        Assert.Equal("summary@1.1.0-rc.1", (await stack.ResolvePromptAsync(PromptReference.Parse("summary@1.1.0-rc.1"))).Reference);
    }

    [Fact]
    public async Task APromotedVersionIsUsedAndSaysSo()
    {
        Write("grounded-answer/3.0.0.yaml", "id: grounded-answer\nversion: 3.0.0\nvariables: [abstention, sources, question]\ntemplate:\n  user: \"{{abstention}} {{sources}} {{question}}\"\n");
        await using var stack = Stack();
        var access = await stack.GetAccessAsync();
        await access.SetActiveAsync(new PromptActivation("grounded-answer", "production", "3.0.0", DateTimeOffset.UtcNow, "local"), null, CancellationToken.None);

        var used = await stack.ExplainPromptAsync(new PromptReference("grounded-answer", null));

        Assert.Equal(("grounded-answer@3.0.0", "active in production"), (used.Prompt.Reference, used.Why));
        Assert.Equal("grounded-answer@2.0.0", (await stack.ResolvePromptAsync(new PromptReference("grounded-answer", null), "staging")).Reference);
    }

    [Fact]
    public void TheAnswerJudgeContractIsWhatTheJudgeFills() =>
        Assert.Equal(JudgePrompt.Variables, BuiltInPromptContracts.Variables(JudgePrompt.RegistryId));

    private GroundedStack Stack() => GroundedStack.Create(new GroundedOptions
    {
        Rag = new LocalRagOptions { Store = Path.Combine(_dir, "store") },
        Prompts = new PromptsOptions { Directory = Path.Combine(_dir, "prompts") },
    });

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, "prompts", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Summary(string version) => $"id: summary\nversion: {version}\nvariables: [text]\ntemplate:\n  user: \"Summarize {{{{text}}}}\"\n";
}
