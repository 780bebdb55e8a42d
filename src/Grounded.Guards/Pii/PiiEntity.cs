namespace Grounded.Guards.Pii;

/// <summary>One piece of personal data found in a text: where, what type (<see cref="PiiTypes"/>) and how sure the recognizer is.</summary>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="Type">The entity type, named as Presidio names it (<c>EMAIL_ADDRESS</c>, <c>PHONE_NUMBER</c>, ...).</param>
/// <param name="Score">How sure the recognizer is, from 0 to 1.</param>
public sealed record PiiEntity(int Start, int Length, string Type, double Score)
{
    /// <summary>Gets the offset just past the entity.</summary>
    public int End => Start + Length;
}
