namespace Grounded.Rag.Chunking;

/// <summary>The chunking strategies, as <c>grounded ingest --chunker</c> names them.</summary>
public enum ChunkerKind
{
    /// <summary>Chooses by file type: sections for Markdown, HTML and Word, code for source files, turns for transcripts, else token windows.</summary>
    Auto,

    /// <summary>Whole sentences packed into token windows with overlap.</summary>
    Tokens,

    /// <summary>Sections by heading path: long sections split, short sibling sections merged.</summary>
    Sections,

    /// <summary>Source code split at function and type boundaries.</summary>
    Code,

    /// <summary>Chat transcripts split between turns.</summary>
    Turns,

    /// <summary>Splits where adjacent sentences' embeddings stop being similar.</summary>
    Semantic,
}
