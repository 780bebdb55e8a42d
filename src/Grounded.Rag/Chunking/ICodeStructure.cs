namespace Grounded.Rag.Chunking;

/// <summary>Finds the function and type boundaries of source code in one language; never throws on malformed code.</summary>
internal interface ICodeStructure
{
    /// <summary>Returns the tree of units of <paramref name="text"/>, rooted at a unit covering all of it.</summary>
    CodeUnit Parse(string text);
}
