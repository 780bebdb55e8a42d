namespace Grounded.Guards;

/// <summary>
/// Where a guard found something in the text it checked: a position and a type (<c>EMAIL_ADDRESS</c>, <c>injection</c>, ...),
/// never the text itself, so decisions can be logged, audited and returned without leaking what they protect.
/// </summary>
/// <param name="Start">The offset of the first character, in UTF-16 code units of the checked text.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="Type">What was found.</param>
public sealed record GuardSpan(int Start, int Length, string Type)
{
    /// <summary>Gets the offset just past the span.</summary>
    public int End => Start + Length;
}
