namespace Grounded.Rag.Chunking;

/// <summary>
/// A span of source code that can be kept whole (a namespace, type, function, member or statement), with the units
/// nested in it. Positions are character indices into the parsed text; <see cref="Name"/> is null for unnamed units.
/// </summary>
internal sealed record CodeUnit(int Start, int End, string? Name, IReadOnlyList<CodeUnit> Children)
{
    /// <summary>Returns a unit over the whole text with the given children.</summary>
    public static CodeUnit Root(string text, IReadOnlyList<CodeUnit> children) => new(0, text.Length, null, children);
}
