using Grounded.Evaluation.Answers;
using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Tests.Answers;

public sealed class AnswerDatasetTests
{
    [Fact]
    public void ReadsItemsWithOptionalFieldsAndAnEmptyAnswerListAsUnanswerable()
    {
        var items = AnswerDataset.Parse(
            [
                """{"id": "a", "question": "What is the default chunk size?", "answers": ["512 tokens"], "sources": ["chunking.md"], "tags": ["chunking"]}""",
                "",
                """{"question": "Can Grounded fly?", "answers": []}""",
            ], "qa.jsonl");

        Assert.Equal(2, items.Count);
        Assert.Equal(("a", true), (items[0].Id, items[0].Answerable));
        Assert.Equal(["chunking.md"], items[0].Sources);
        Assert.Equal(("3", false), (items[1].Id, items[1].Answerable));   // no id: the line number
    }

    [Fact]
    public void EveryBadLineIsNamedInOneError()
    {
        var error = Assert.Throws<DatasetException>(() => AnswerDataset.Parse(
            [
                """{"question": "fine", "answers": ["x"]}""",
                """{"question": "", "answers": ["x"]}""",
                "not json",
                """{"question": "q", "answers": "x"}""",
                """{"question": "q"}""",
            ], "qa.jsonl"));

        Assert.StartsWith("qa.jsonl: line 2: \"question\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: \"answers\" must be a list", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: \"answers\" is missing", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void NullAnswersAreAnErrorNamingTheLineNotAnUnanswerableItem()
    {
        var error = Assert.Throws<DatasetException>(() => AnswerDataset.Parse(
            [
                """{"question": "fine", "answers": []}""",
                """{"question": "q", "answers": null}""",
            ], "qa.jsonl"));

        Assert.Contains("qa.jsonl: line 2: \"answers\" is missing or null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateIdsAreRejected()
    {
        var error = Assert.Throws<DatasetException>(() => AnswerDataset.Parse(
            ["""{"id": "x", "question": "a", "answers": []}""", """{"id": "x", "question": "b", "answers": []}"""], "qa.jsonl"));

        Assert.Contains("line 2: duplicate id \"x\"", error.Message, StringComparison.Ordinal);
    }
}
