namespace Grounded.Guards.Pii;

/// <summary>Finds personal data in a text, in process (no service is called).</summary>
public interface IPiiDetector
{
    /// <summary>Returns the entities found in <paramref name="text"/>, ordered by start, not overlapping.</summary>
    IReadOnlyList<PiiEntity> Detect(string text);
}
