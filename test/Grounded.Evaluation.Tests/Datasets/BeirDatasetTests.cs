using System.Text;
using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Tests.Datasets;

public sealed class BeirDatasetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "grounded-tests", Guid.NewGuid().ToString("N"));

    public BeirDatasetTests()
    {
        Write("corpus.jsonl", """
            {"_id": "d1", "title": "Ferrets", "text": "Ferrets were infected."}
            {"_id": 7, "text": "A numeric id and no title."}

            """);
        Write("queries.jsonl", """
            {"_id": "q1", "text": "Which animals were infected?"}
            {"_id": "q2", "text": "Judged, but nothing relevant."}
            {"_id": "q3", "text": "Not judged in this split."}
            """);
        Write("qrels/train.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\t7\t1\nq2\td1\t0\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WithoutATestSplitTheOnlySplitPresentIsRead()
    {
        var dataset = await BeirDataset.LoadAsync(_dir);

        Assert.Equal("train", dataset.Split);
        Assert.Equal(["d1", "7"], dataset.Corpus.Select(d => d.Id));
        Assert.Equal("Ferrets", dataset.Corpus[0].Title);
        Assert.Equal(string.Empty, dataset.Corpus[1].Title);
    }

    [Fact]
    public async Task OnlyQueriesWithARelevantDocumentInTheSplitAreKept()
    {
        var dataset = await BeirDataset.LoadAsync(_dir, "train");

        var query = Assert.Single(dataset.Queries);
        Assert.Equal("q1", query.Id);
        Assert.Equal(2, query.Relevance["d1"]);
        Assert.Equal(1, query.Relevance["7"]);
    }

    [Fact]
    public async Task ANamedSplitThatIsMissingIsAnErrorListingTheSplitsPresent()
    {
        var error = await Assert.ThrowsAsync<DatasetException>(() => BeirDataset.LoadAsync(_dir, "dev"));

        Assert.Contains("qrels/dev.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains("splits present: train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTestSplitIsPreferredWhenSeveralArePresent()
    {
        Write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq2\t7\t1\n");

        var dataset = await BeirDataset.LoadAsync(_dir);

        Assert.Equal("test", dataset.Split);
        Assert.Equal("q2", Assert.Single(dataset.Queries).Id);
    }

    [Fact]
    public async Task AMissingFolderOrFileIsAOneLineError()
    {
        var missing = await Assert.ThrowsAsync<DatasetException>(() => BeirDataset.LoadAsync(Path.Combine(_dir, "nope")));
        File.Delete(Path.Combine(_dir, "corpus.jsonl"));
        var noCorpus = await Assert.ThrowsAsync<DatasetException>(() => BeirDataset.LoadAsync(_dir));

        Assert.StartsWith("no such data set folder", missing.Message, StringComparison.Ordinal);
        Assert.Contains("corpus.jsonl is missing", noCorpus.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', noCorpus.Message);
    }

    [Fact]
    public async Task AMalformedLineIsReportedWithItsFileAndLineNumber()
    {
        Write("corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"ok\"}\n{not json\n");

        var error = await Assert.ThrowsAsync<DatasetException>(() => BeirDataset.LoadAsync(_dir));

        Assert.Contains("corpus.jsonl line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedQrelsLineIsReported()
    {
        Write("qrels/train.tsv", "query-id\tcorpus-id\tscore\nq1 d1 1\n");

        var error = await Assert.ThrowsAsync<DatasetException>(() => BeirDataset.LoadAsync(_dir));

        Assert.Contains("train.tsv line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCorpusHashChangesWhenTheCorpusDoes()
    {
        var before = (await BeirDataset.LoadAsync(_dir)).CorpusHash;
        Write("corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"changed\"}\n");

        Assert.NotEqual(before, (await BeirDataset.LoadAsync(_dir)).CorpusHash);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
