using System.Diagnostics;
using System.Text.Json;
using Grounded.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Grounded.Cli.Tests.Commands;

/// <summary>The HNSW index beside the database survives the ingesting process being killed (SIGKILL) mid-write.</summary>
public sealed class AnnIndexCrashTests : IDisposable
{
    private static readonly Dictionary<string, string> AnnAlways = new() { ["GROUNDED_ANN_MIN_VECTORS"] = "1" };
    private static readonly string[] Topics = ["volcanic basalt", "sourdough starter", "tidal currents", "orbital mechanics", "beekeeping hives",
        "glacier retreat", "violin varnish", "coral bleaching", "railway signalling", "cheese ripening"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AStoreKilledMidIngestSearchesLikeTheExactScanWhenReopened()
    {
        WriteCorpus("first", 20);
        var first = await CliRunner.RunAsync(_dir.Path, AnnAlways, "ingest", "first", "--store", "store", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Single(Directory.GetFiles(_dir.Combine("store"), "ann-*.usearch"));
        var before = await DocumentsAsync();

        WriteCorpus("second", 400);
        using (var ingest = CliRunner.Start(_dir.Path, AnnAlways, "ingest", "second", "--store", "store"))
        {
            var deadline = Stopwatch.StartNew();
            while (await DocumentsAsync() < before + 5 && !ingest.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            Assert.False(ingest.HasExited, $"the ingest ended (exit {(ingest.HasExited ? ingest.ExitCode : 0)}) before it could be killed: {(ingest.HasExited ? await ingest.StandardError.ReadToEndAsync() : "")}");
            ingest.Kill(); // SIGKILL: no rollback, no index save
            await ingest.WaitForExitAsync();
        }

        var committed = await DocumentsAsync();
        Assert.True(committed > before, "nothing of the second corpus was committed before the kill");
        foreach (var query in Topics.Select(t => $"notes about {t}").Append("second batch page 3"))
        {
            var viaIndex = await SearchAsync(query);
            var exact = await SearchAsync(query, "--exact");
            Assert.Equal(("hnsw", "exact"), (viaIndex.GetProperty("index").GetString(), exact.GetProperty("index").GetString()));
            Assert.Equal(ChunkIds(exact), ChunkIds(viaIndex));
        }
    }

    private void WriteCorpus(string folder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var topic = Topics[i % Topics.Length];
            _dir.Write(Path.Combine(folder, $"page-{i:D3}.md"),
                $"# {folder} batch page {i}\n\nThese are notes about {topic}, written for page {i} of the {folder} batch. " +
                $"The {topic} section {i} explains one detail and then another, so that each page reads a little differently.\n");
        }
    }

    private async Task<JsonElement> SearchAsync(string query, params string[] extra)
    {
        var result = await CliRunner.RunAsync(_dir.Path, AnnAlways, ["search", query, "--store", "store", "--top-k", "5", "--json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static List<string> ChunkIds(JsonElement search) =>
        search.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("chunkId").GetString()!).ToList();

    private async Task<long> DocumentsAsync()
    {
        var db = _dir.Combine("store", "grounded.db");
        if (!File.Exists(db))
        {
            return 0;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "SELECT COUNT(*) FROM documents WHERE chunk_count > 0";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
