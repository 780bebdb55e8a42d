namespace Grounded.Answers;

/// <summary>A piece of a streamed answer to a question: a piece of text as the answer stage writes it, or, last, the whole answer.</summary>
public sealed record AskUpdate
{
    private AskUpdate(string? delta, GroundedAnswer? answer)
    {
        Delta = delta;
        Answer = answer;
    }

    /// <summary>Gets the next piece of the answer's text; null on the last update.</summary>
    public string? Delta { get; }

    /// <summary>Gets the whole answer (citations, timings, what was searched for), on the last update only.</summary>
    public GroundedAnswer? Answer { get; }

    /// <summary>Returns a piece of text.</summary>
    public static AskUpdate Text(string delta) => new(delta ?? throw new ArgumentNullException(nameof(delta)), null);

    /// <summary>Returns the last update, carrying the whole answer.</summary>
    public static AskUpdate Final(GroundedAnswer answer) => new(null, answer ?? throw new ArgumentNullException(nameof(answer)));
}
