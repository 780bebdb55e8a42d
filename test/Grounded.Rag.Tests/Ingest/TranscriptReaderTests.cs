using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class TranscriptReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TranscriptReader _reader = new();

    public void Dispose() => _dir.Dispose();

    private async Task<List<string>> ReadAsync(string name, string json) =>
        (await Blocks.ReadAllAsync(_reader, _dir.Write(name, json))).Select(b => b.Text).ToList();

    [Fact]
    public async Task ReadsOneMessagePerLineOfJsonLines()
    {
        var texts = await ReadAsync("chat.jsonl", "{\"role\":\"user\",\"content\":\"When is high tide?\"}\n\n{\"role\":\"assistant\",\"content\":\"At 14:05.\"}\n");

        Assert.Equal(["user: When is high tide?", "assistant: At 14:05."], texts);
    }

    [Theory]
    [InlineData("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}]")]
    [InlineData("{\"title\":\"t\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}")]
    [InlineData("{\"conversations\":[{\"from\":\"user\",\"value\":\"Hi\"},{\"from\":\"assistant\",\"value\":\"Hello\"}]}")]
    [InlineData("[{\"author\":{\"role\":\"user\"},\"content\":{\"parts\":[\"Hi\"]}},{\"author\":{\"role\":\"assistant\"},\"content\":{\"parts\":[\"Hello\"]}}]")]
    public async Task ReadsTheCommonJsonTranscriptShapes(string json)
    {
        Assert.Equal(["user: Hi", "assistant: Hello"], await ReadAsync("chat.json", json));
    }

    [Fact]
    public async Task OffsetsPointAtTheMessagesInTheExtractedText()
    {
        var blocks = await Blocks.ReadAllAsync(_reader, _dir.Write("chat.jsonl", "{\"role\":\"user\",\"content\":\"Hi\"}\n{\"role\":\"assistant\",\"content\":\"Hello\"}"));

        var extracted = string.Join("\n\n", blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal(b.Text, extracted.Substring((int)b.Offset, b.Text.Length)));
    }

    [Fact]
    public async Task JsonThatIsNotATranscriptIsReadAsItsStrings()
    {
        Assert.Equal(["grounded", "Answers questions with citations."], await ReadAsync("package.json", "{\"name\":\"grounded\",\"version\":1,\"description\":\"Answers questions with citations.\"}"));
    }

    [Fact]
    public async Task InvalidJsonFailsWithTheLineThatIsWrong()
    {
        var error = await Assert.ThrowsAsync<DocumentReadException>(() => ReadAsync("chat.jsonl", "{\"role\":\"user\",\"content\":\"Hi\"}\n{oops\n"));

        Assert.StartsWith("invalid JSON in line 2", error.Message, StringComparison.Ordinal);
    }
    [Fact]
    public async Task RefusesJsonNestedDeeperThanTheLimitNamingIt()
    {
        var json = new string('[', TranscriptReader.MaxDepth + 1) + new string(']', TranscriptReader.MaxDepth + 1);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => ReadAsync("deep.json", json));

        Assert.Equal("the JSON in the file nests arrays and objects more than 64 levels deep; the limit is 64", error.Message);
    }

}
