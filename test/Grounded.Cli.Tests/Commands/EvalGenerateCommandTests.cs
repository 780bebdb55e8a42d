using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

[Collection(nameof(IndexedStoreFixture))]
public sealed class EvalGenerateCommandTests(IndexedStoreFixture store)
{
    [Fact]
    public async Task DraftsAnswerableItemsWhoseAnswersOccurInTheirSources()
    {
        var result = await store.RunAsync("eval", "generate", "--store", "store", "--count", "5", "--out", "synthetic.jsonl", "--seed", "3", "--json");

        var summary = IndexedStoreFixture.Json(result);
        var items = File.ReadAllLines(Path.Combine(store.WorkingDirectory, "synthetic.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(items.Count, summary.GetProperty("written").GetInt32());
        Assert.True(items.Count >= 2, result.ToString());
        Assert.Equal(items.Select(i => i.GetProperty("sources")[0].GetString()).Distinct().Count(), summary.GetProperty("documents").GetInt32());
        foreach (var item in items)
        {
            var source = item.GetProperty("sources")[0].GetString()!;
            var answer = item.GetProperty("answers")[0].GetString()!;
            Assert.Contains(answer, File.ReadAllText(Path.Combine(store.Docs, source)), StringComparison.Ordinal);
            Assert.Equal(["synthetic", "generated:template"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }

        var first = items[0];
        var asked = IndexedStoreFixture.Json(await store.RunAsync("ask", first.GetProperty("question").GetString()!, "--store", "store", "--json"));
        Assert.False(asked.GetProperty("abstained").GetBoolean(), asked.ToString());
        Assert.EndsWith(first.GetProperty("sources")[0].GetString()!, asked.GetProperty("citations")[0].GetProperty("source").GetString()!, StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("answers")[0].GetString()!, asked.GetProperty("answer").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownModelIsAOneLineErrorBeforeAnythingIsDrafted()
    {
        var result = await store.RunAsync("eval", "generate", "--store", "store", "--count", "5", "--model", "huge");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("huge", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}
