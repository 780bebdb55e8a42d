namespace Grounded.Guards.Pii;

/// <summary>Finds the candidates of one entity type; the detector merges what all recognizers found.</summary>
internal interface IPiiRecognizer
{
    /// <summary>Gets the entity type this recognizer finds (<see cref="PiiTypes"/>).</summary>
    string Type { get; }

    /// <summary>Adds the candidates found in <paramref name="text"/> to <paramref name="found"/>, possibly overlapping each other.</summary>
    void Recognize(string text, List<PiiEntity> found);
}
