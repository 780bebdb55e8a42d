namespace Grounded.Answers;

/// <summary>A piece of an answer as the answer stage writes it: a piece of text, or, last, the whole answer with its citations.</summary>
public sealed record AnswerUpdate
{
    private AnswerUpdate(string? delta, GeneratedAnswer? answer)
    {
        Delta = delta;
        Answer = answer;
    }

    /// <summary>Gets the next piece of the answer's text as written (citation markers not yet checked); null on the last update.</summary>
    public string? Delta { get; }

    /// <summary>Gets the whole answer, on the last update only.</summary>
    public GeneratedAnswer? Answer { get; }

    /// <summary>Returns a piece of text.</summary>
    public static AnswerUpdate Text(string delta) => new(delta ?? throw new ArgumentNullException(nameof(delta)), null);

    /// <summary>Returns the last update, carrying the whole answer.</summary>
    public static AnswerUpdate Final(GeneratedAnswer answer) => new(null, answer ?? throw new ArgumentNullException(nameof(answer)));
}
