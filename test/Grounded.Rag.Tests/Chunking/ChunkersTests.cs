using Grounded.Rag.Chunking;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Chunking;

public sealed class ChunkersTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("guide.md", ChunkerKind.Sections)]
    [InlineData("page.HTML", ChunkerKind.Sections)]
    [InlineData("report.docx", ChunkerKind.Sections)]
    [InlineData("Program.cs", ChunkerKind.Code)]
    [InlineData("train.py", ChunkerKind.Code)]
    [InlineData("app.tsx", ChunkerKind.Code)]
    [InlineData("chat.jsonl", ChunkerKind.Turns)]
    [InlineData("paper.pdf", ChunkerKind.Tokens)]
    [InlineData("notes.txt", ChunkerKind.Tokens)]
    public void AutoPicksTheStrategyByFileType(string file, ChunkerKind expected)
    {
        Assert.Equal(expected, Chunkers.DefaultFor(file));
    }

    [Theory]
    [InlineData("auto", ChunkerKind.Auto)]
    [InlineData("Sections", ChunkerKind.Sections)]
    [InlineData("semantic", ChunkerKind.Semantic)]
    [InlineData("bogus", null)]
    [InlineData("1", null)]
    [InlineData("", null)]
    public void ParsesTheNamesTheCliTakes(string name, ChunkerKind? expected)
    {
        Assert.Equal(expected, Chunkers.Parse(name));
    }

    [Fact]
    public void TheSemanticChunkerNeedsAnEmbeddingGenerator()
    {
        var error = Assert.Throws<ArgumentException>(() => new Chunkers(new ChunkingOptions(), ChunkerKind.Semantic));

        Assert.Contains("embedding generator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitStrategyAppliesToEveryFile()
    {
        var chunkers = new Chunkers(new ChunkingOptions(), ChunkerKind.Tokens);

        Assert.All(new[] { "a.md", "b.cs", "c.jsonl" }, f => Assert.IsType<TokenWindowChunker>(chunkers.For(f)));
    }

    [Fact]
    public async Task IngestingAMixedFolderUsesEachFileTypesStrategyAndReportsIt()
    {
        _dir.Write("docs/guide.md", "# Guide\n\nInstall it.\n\n## Use\n\nRun it.");
        _dir.Write("docs/tool.py", "def run():\n    return 1\n");
        _dir.Write("docs/Tool.cs", "namespace Tools;\n\ninternal static class Tool\n{\n"
            + "    public static int Run(int speed)\n    {\n        var distance = speed * 60;\n        return distance / 2 + 1;\n    }\n\n"
            + "    public static int Halt(int speed)\n    {\n        var braking = speed * speed;\n        return braking / 100 + 3;\n    }\n}\n");
        _dir.Write("docs/chat.jsonl", "{\"role\":\"user\",\"content\":\"Hi\"}\n{\"role\":\"assistant\",\"content\":\"Hello\"}\n");
        _dir.Write("docs/support.txt", "User: it broke\nAgent: which part?\nUser: the crane\nAgent: restarting it");
        _dir.Write("docs/notes.txt", "The harbour opens at six. Ships dock at the east quay.");
        await using var store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);

        var report = await new IngestionPipeline(store, _embedder, new Chunkers(new ChunkingOptions { ChunkTokens = 32, OverlapTokens = 0 })).IngestAsync([_dir.Combine("docs")]);

        Assert.Empty(report.Failures);
        Assert.Equal(new Dictionary<string, int> { ["code"] = 2, ["sections"] = 1, ["tokens"] = 1, ["turns"] = 2 }, report.DocumentsByChunker);
        var hits = await store.KeywordSearchAsync("braking", 10, CancellationToken.None);
        Assert.Equal("Tools > Tool > Halt", Assert.Single(hits).Chunk.Chunk.HeadingPath);
    }
}
