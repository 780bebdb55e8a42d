namespace Grounded.Documents;

/// <summary>A run of text read from a document (a paragraph, list item, table row or heading) in reading order.</summary>
/// <param name="Text">The text of the block, without trailing line breaks.</param>
/// <param name="HeadingPath">The headings the block sits under, outermost first; empty when the format has none.</param>
/// <param name="Offset">The character offset of the block's first character in the document's text as the reader sees it.</param>
/// <param name="IsHeading">Whether the block is itself a heading.</param>
public sealed record TextBlock(string Text, IReadOnlyList<string> HeadingPath, long Offset, bool IsHeading = false);
