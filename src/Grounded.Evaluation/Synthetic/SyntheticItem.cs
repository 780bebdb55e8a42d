using System.Text.Json.Serialization;

namespace Grounded.Evaluation.Synthetic;

/// <summary>One drafted evaluation item, in the eval dataset format (one JSON object per line).</summary>
/// <param name="Question">The question.</param>
/// <param name="Answers">The acceptable answers (one: the span the question was drafted from).</param>
/// <param name="Sources">The file name of the document holding the answer.</param>
/// <param name="Tags"><c>synthetic</c>, and how it was drafted: <c>generated:template</c> or <c>generated:model</c>.</param>
public sealed record SyntheticItem(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answers")] IReadOnlyList<string> Answers,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags)
{
    /// <summary>The tag of an item drafted by a template.</summary>
    public const string TemplateTag = "generated:template";

    /// <summary>The tag of an item drafted by a model.</summary>
    public const string ModelTag = "generated:model";
}
