using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grounded.Feedback;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// Turns feedback on answers (<c>POST /v1/ask</c>) into items of an answer-quality data set, the JSON Lines
/// <see cref="AnswerDataset"/> reads: an up-rated answer is an item whose expected answer is the rated one (its <c>[n]</c>
/// markers removed) and whose sources are the documents it cited; an up-rated abstention is an unanswerable item
/// (<c>answers: []</c>). A down-rated answer gives no expected answer: exported only when asked for, as an unanswerable item
/// tagged <c>needs-review</c> with the <c>rejected_answer</c> and <c>comment</c> for a reviewer to fill in the right
/// answer. A down-rated abstention (the documents should have answered) cannot be written as an item at all and is skipped.
/// </summary>
public static partial class FeedbackDataset
{
    /// <summary>Returns the data set's lines for <paramref name="feedback"/> and how many rows could not become items.</summary>
    public static (IReadOnlyList<string> Lines, int Skipped) Lines(IEnumerable<FeedbackRecord> feedback, bool includeDown)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var lines = new List<string>();
        var skipped = 0;
        foreach (var row in feedback)
        {
            if (Item(row, includeDown) is { } item)
            {
                lines.Add(item.ToJsonString());
            }
            else if (includeDown || row.Rating == FeedbackRatings.Up)
            {
                skipped++;
            }
        }

        return (lines, skipped);
    }

    /// <summary>Returns the item of one rating, or null when it cannot be one (not an answer from sources, no question kept, a down-rated abstention, or down-rated when <paramref name="includeDown"/> is false).</summary>
    public static JsonObject? Item(FeedbackRecord row, bool includeDown)
    {
        ArgumentNullException.ThrowIfNull(row);
        var down = row.Rating == FeedbackRatings.Down;
        if (row.Endpoint != "ask" || string.IsNullOrWhiteSpace(row.Question) || (down && (!includeDown || row.Abstained)))
        {
            return null;
        }

        var tags = new JsonArray("feedback");
        if (row.PromptId is { } prompt)
        {
            tags.Add("prompt:" + prompt);
        }

        if (row.Model is { } model)
        {
            tags.Add("model:" + model);
        }

        var item = new JsonObject { ["id"] = row.ResponseId, ["question"] = row.Question };
        if (down)
        {
            tags.Add("needs-review");
            item["answers"] = new JsonArray();
            item["sources"] = new JsonArray();
            item["rejected_answer"] = row.Answer;
            item["comment"] = row.Comment;
        }
        else
        {
            item["answers"] = row.Abstained || string.IsNullOrWhiteSpace(row.Answer) ? new JsonArray() : new JsonArray(WithoutMarkers(row.Answer));
            item["sources"] = new JsonArray([.. row.Sources.Select(s => (JsonNode?)JsonValue.Create(s))]);
            if (row.Comment is { } comment)
            {
                item["comment"] = comment;
            }
        }

        item["tags"] = tags;
        return item;
    }

    /// <summary>Returns <paramref name="answer"/> without its citation markers (<c>[1]</c>, <c>[2, 3]</c>).</summary>
    public static string WithoutMarkers(string answer) => Spaces().Replace(Markers().Replace(answer ?? string.Empty, string.Empty), " ").Trim();

    [GeneratedRegex(@"\s*\[\d+(?:\s*,\s*\d+)*\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
