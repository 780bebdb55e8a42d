using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

public sealed class PromptsConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prompts-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AFolderOfUnrelatedPromptFilesIsNotAdoptedAsTheRegistry()
    {
        File.WriteAllText(Path.Combine(_dir, "system.txt"), "You are a helpful assistant.");
        Directory.CreateDirectory(Path.Combine(_dir, "chat"));
        File.WriteAllText(Path.Combine(_dir, "chat", "greeting.yaml"), "text: hello");

        Assert.Null(PromptsConfig.Adopted(_dir));
    }

    [Fact]
    public void AFolderHoldingIdSlashVersionYamlFilesIsAdopted()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "support-answer"));
        File.WriteAllText(Path.Combine(_dir, "support-answer", "1.0.0.yaml"), "id: support-answer");

        Assert.Equal(_dir, PromptsConfig.Adopted(_dir));
    }

    [Fact]
    public void AMissingFolderIsNotAdopted() => Assert.Null(PromptsConfig.Adopted(Path.Combine(_dir, "none")));
}
