namespace Grounded.Evaluation.Answers;

/// <summary>One question of an answer-quality data set and what a good answer to it looks like.</summary>
/// <param name="Id">The item's identifier: the dataset's <c>id</c>, else its line number.</param>
/// <param name="Question">The question asked.</param>
/// <param name="Answers">The acceptable answers; empty when the documents do not answer the question (the answerer should abstain).</param>
/// <param name="Sources">The documents (file names or path suffixes) an answer should cite; empty when not given.</param>
/// <param name="Tags">Labels the report groups means by.</param>
public sealed record AnswerItem(string Id, string Question, IReadOnlyList<string> Answers, IReadOnlyList<string> Sources, IReadOnlyList<string> Tags)
{
    /// <summary>Gets whether the documents answer the question (it has at least one acceptable answer).</summary>
    public bool Answerable => Answers.Count > 0;
}
