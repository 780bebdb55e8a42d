using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public EvalCommandTests()
    {
        _dir.Write("ds/corpus.jsonl", """
            {"_id": "tides", "title": "Tides", "text": "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans."}
            {"_id": "bread", "title": "Baking bread", "text": "Bread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas."}
            {"_id": "solar", "title": "Solar power", "text": "Solar panels convert sunlight into electricity using photovoltaic cells."}
            """);
        _dir.Write("ds/queries.jsonl", """
            {"_id": "q1", "text": "Why does dough rise?"}
            {"_id": "q2", "text": "What causes ocean tides?"}
            {"_id": "q3", "text": "Not judged"}
            """);
        _dir.Write("ds/qrels/train.tsv", "query-id\tcorpus-id\tscore\nq1\tbread\t1\nq2\ttides\t2\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RetrievalReportsTheContractKeysWithValuesBetweenZeroAndOne()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "eval", "retrieval", "--dataset", "ds", "--store", "eval-store", "--mode", "keyword", "--k", "1,3", "--per-query", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal("ds", json.GetProperty("dataset").GetString());
        Assert.Equal("train", json.GetProperty("split").GetString());     // no test split: the only one present
        Assert.Equal(2, json.GetProperty("queries").GetInt32());
        Assert.Equal("keyword", json.GetProperty("mode").GetString());
        var metrics = json.GetProperty("metrics");
        foreach (var key in new[] { "ndcg@10", "recall@10", "recall@100", "precision@5", "mrr@10", "map", "ndcg@1", "recall@3" })
        {
            Assert.InRange(metrics.GetProperty(key).GetDouble(), 0, 1);
        }

        Assert.Equal(1.0, metrics.GetProperty("mrr@10").GetDouble());     // each query's document is the only one with its words
        Assert.Equal(["bread"], json.GetProperty("perQuery")[0].GetProperty("top").EnumerateArray().Select(e => e.GetString()).Take(1));
    }

    [Fact]
    public async Task AMissingDatasetIsAOneLineUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "eval", "retrieval", "--dataset", "nowhere", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no such data set folder: nowhere", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task ChunkingComparesEachChunkSizeOnTheQuestions()
    {
        _dir.Write("corpus/bread.txt", "Bread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas. Bake the loaf at 220 degrees Celsius.");
        _dir.Write("corpus/tides.txt", "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans.");
        _dir.Write("questions.jsonl", "{\"question\": \"Why does bread dough rise?\", \"answer\": \"yeast ferments the sugars\"}\n{\"question\": \"What causes tides?\", \"answer\": \"gravitational pull of the Moon\"}\n");

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "chunking", "--corpus", "corpus", "--questions", "questions.jsonl", "--chunk-tokens", "32,256", "--k", "2", "--store", "chunk-stores", "--json");

        var json = IndexedStoreFixture.Json(result);
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([32, 256], results.Select(r => r.GetProperty("chunkTokens").GetInt32()));
        Assert.All(results, r => Assert.Equal(1.0, r.GetProperty("metrics").GetProperty("hit@2").GetDouble()));
        Assert.All(results, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("metrics").GetProperty("mrr@2").ValueKind));
    }
}
