using System.Text.Json;
using Grounded.Cli.Tests.Support;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;

namespace Grounded.Cli.Tests.Commands;

[Collection(nameof(IndexedStoreFixture))]
public sealed class IngestCommandTests(IndexedStoreFixture fixture)
{
    [Fact]
    public void PrintsWhatItDidAsTheDocumentedJson()
    {
        Assert.True(fixture.Ingest.ExitCode == 0, fixture.Ingest.ToString());
        var json = IndexedStoreFixture.Json(fixture.Ingest);

        Assert.Equal(["documents", "chunks", "chunkers", "encodings", "legacyEncodings", "failures"], IndexedStoreFixture.Keys(json));
        Assert.Equal(3, json.GetProperty("encodings").GetProperty("utf-8").GetInt32());
        Assert.Single(IndexedStoreFixture.Keys(json.GetProperty("encodings")));
        Assert.Equal(0, json.GetProperty("legacyEncodings").GetArrayLength());
        Assert.Equal(["sections", "tokens"], IndexedStoreFixture.Keys(json.GetProperty("chunkers"))); // md and html by section, txt by windows
        Assert.Equal(2, json.GetProperty("chunkers").GetProperty("sections").GetInt32());
        var documents = json.GetProperty("documents");
        Assert.Equal(["added", "updated", "unchanged", "removed", "skipped", "failed"], IndexedStoreFixture.Keys(documents));
        Assert.Equal(3, documents.GetProperty("added").GetInt32());
        Assert.Equal(0, documents.GetProperty("failed").GetInt32());
        Assert.True(json.GetProperty("chunks").GetInt32() >= 3);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("failures").ValueKind);
        Assert.Equal(0, json.GetProperty("failures").GetArrayLength());
    }

    [Fact]
    public async Task AnUnknownChunkerExitsWithAOneLineUserError()
    {
        var result = await fixture.RunAsync("ingest", "docs", "--store", "store", "--chunker", "paragraphs");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--chunker must be auto, tokens, sections, code, turns or semantic (got 'paragraphs')", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChunkerOptionAppliesOneStrategyToEveryFile()
    {
        using var dir = new TempDirectory();
        dir.Write("src/crane.py", "class Crane:\n    def lift(self, load):\n        return load * 2\n");
        dir.Write("src/notes.md", "# Notes\n\nThe crane lifts containers.");

        var result = await CliRunner.RunAsync(dir.Path, "ingest", "src", "--store", "store", "--chunker", "tokens", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal(2, json.GetProperty("chunkers").GetProperty("tokens").GetInt32());
        Assert.Single(IndexedStoreFixture.Keys(json.GetProperty("chunkers")));
    }

    [Fact]
    public async Task AMissingPathExitsWithAUserErrorAndLeavesTheStoreUntouched()
    {
        var before = TempDirectory.Snapshot(fixture.Store);

        var result = await fixture.RunAsync("ingest", "docs", "no-such-folder", "--store", "store");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no such file or folder: no-such-folder", Assert.Single(result.ErrorLines));
        Assert.Equal(before, TempDirectory.Snapshot(fixture.Store));
    }

    [Fact]
    public async Task APackageWithEmptyInitFilesIngestsWithSuccessAndSaysWhatItSkipped()
    {
        using var dir = new TempDirectory();
        dir.Write("app/__init__.py", string.Empty);
        dir.Write("app/cranes/__init__.py", string.Empty);
        dir.Write("app/cranes/lift.py", "def lift(load):\n    return load * 2\n");

        var result = await CliRunner.RunAsync(dir.Path, "ingest", "app", "--store", "store");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("added 1, updated 0, unchanged 0, removed 0, failed 0; 1 chunks written; 2 empty files skipped", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALatin1FileIsIngestedAndTheJsonSaysItWasReadAsWindows1252()
    {
        using var dir = new TempDirectory();
        dir.Write("manuals/cranes.txt", "Harbour cranes unload containers from cargo ships around the clock.");
        dir.Write("manuals/cafe.txt", [.. "The harbour caf"u8, 0xE9, .. " serves cr"u8, 0xE8, .. "me br"u8, 0xFB, .. "l"u8, 0xE9, .. "e to crane drivers."u8]);

        var result = await CliRunner.RunAsync(dir.Path, "ingest", "manuals", "--store", "store", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal(2, json.GetProperty("documents").GetProperty("added").GetInt32());
        Assert.Equal(["utf-8", "windows-1252"], IndexedStoreFixture.Keys(json.GetProperty("encodings")));
        Assert.Equal(1, json.GetProperty("encodings").GetProperty("windows-1252").GetInt32());
        var legacy = Assert.Single(json.GetProperty("legacyEncodings").EnumerateArray());
        Assert.Equal(["source", "encoding"], IndexedStoreFixture.Keys(legacy));
        Assert.Equal((Path.Combine("manuals", "cafe.txt"), "windows-1252"), (legacy.GetProperty("source").GetString(), legacy.GetProperty("encoding").GetString()));
    }

    [Fact]
    public async Task TheTextOutputSaysHowManyFilesWereNotReadAsUtf8()
    {
        using var dir = new TempDirectory();
        dir.Write("notes/a.txt", [.. "Dock workers meet at the caf"u8, 0xE9, .. " before each shift."u8]);
        dir.Write("notes/b.txt", [.. "The pilot boat leaves the quay at six o'clock sharp, "u8, 0x93, .. "weather permitting"u8, 0x94, 0x2E]);

        var result = await CliRunner.RunAsync(dir.Path, "ingest", "notes", "--store", "store");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 files read as windows-1252, not UTF-8 (--json lists them)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderWithACorruptFileExitsWithAUserErrorButIngestsTheGoodFile()
    {
        using var dir = new TempDirectory();
        dir.Write("mixed/good.txt", "Harbour cranes unload containers from cargo ships around the clock.");
        var garbage = new byte[2048];
        new Random(5).NextBytes(garbage);
        dir.Write("mixed/broken.pdf", garbage);

        var result = await CliRunner.RunAsync(dir.Path, "ingest", "mixed", "--store", "store", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("documents").GetProperty("added").GetInt32());
        var failure = Assert.Single(json.RootElement.GetProperty("failures").EnumerateArray());
        Assert.Equal(["source", "error"], IndexedStoreFixture.Keys(failure));
        Assert.Equal(Path.Combine("mixed", "broken.pdf"), failure.GetProperty("source").GetString());
        Assert.Contains("not a readable PDF", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        await using var store = await SqliteChunkStore.OpenAsync(dir.Combine("store"), ArcticXsModel.Profile(quantized: true));
        var document = Assert.Single(await store.ListDocumentsAsync(CancellationToken.None));
        Assert.Equal(Path.Combine("mixed", "good.txt"), document.Source);
    }
}
