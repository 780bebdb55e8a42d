using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Tests.Datasets;

public sealed class PresidioDatasetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"grounded-presidio-{Guid.NewGuid():N}");

    public PresidioDatasetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadsTextsAndSpansFromAJsonArray()
    {
        var path = Write("dev.json", """
            [{"full_text": "My IBAN is GB59NAWV77136867049356", "masked": "My IBAN is {{IBAN_CODE}}",
              "spans": [{"entity_type": "IBAN_CODE", "entity_value": "GB59NAWV77136867049356", "start_position": 11, "end_position": 33}],
              "template_id": 82, "metadata": null},
             {"full_text": "Nothing here", "spans": []}]
            """);

        var samples = PresidioDataset.Read(path);

        Assert.Equal(2, samples.Count);
        Assert.Equal([new PiiSpan("IBAN_CODE", 11, 33)], samples[0].Spans);
        Assert.Empty(samples[1].Spans);
    }

    [Fact]
    public void ReadsJsonLines()
    {
        var path = Write("dev.jsonl", "{\"full_text\": \"Call Ann\", \"spans\": [{\"entity_type\": \"PERSON\", \"start_position\": 5, \"end_position\": 8}]}\n\n{\"full_text\": \"x\", \"spans\": []}\n");

        Assert.Equal(2, PresidioDataset.Read(path).Count);
    }

    [Fact]
    public void AMissingFileIsADatasetError() =>
        Assert.Equal($"no such PII data set: {Path.Combine(_folder, "none.json")}", Assert.Throws<DatasetException>(() => PresidioDataset.Read(Path.Combine(_folder, "none.json"))).Message);

    [Theory]
    [InlineData("not json", "is not presidio-research JSON")]
    [InlineData("[{\"text\": \"no full_text\"}]", "sample 1: expected an object with a full_text string")]
    [InlineData("[{\"full_text\": \"short\", \"spans\": [{\"entity_type\": \"PERSON\", \"start_position\": 2, \"end_position\": 40}]}]", "span PERSON [2, 40) is outside its 5-character text")]
    [InlineData("[]", "holds no samples")]
    public void AMalformedFileIsADatasetErrorNamingTheProblem(string content, string problem) =>
        Assert.Contains(problem, Assert.Throws<DatasetException>(() => PresidioDataset.Read(Write("bad.json", content))).Message, StringComparison.Ordinal);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
