using Grounded.Stages;

namespace Grounded.Rag.Ingest;

/// <summary>Chooses the reader for a file by its extension.</summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<string, IDocumentReader> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the registry from readers; later readers win for an extension.</summary>
    public DocumentReaders(IEnumerable<IDocumentReader> readers)
    {
        foreach (var reader in readers)
        {
            foreach (var extension in reader.Extensions)
            {
                _byExtension[extension] = reader;
            }
        }
    }

    /// <summary>Gets the readers for txt, md, html, pdf, docx, source code (cs, py, js, ts and kin) and JSON transcripts.</summary>
    public static DocumentReaders Default { get; } = new([new PlainTextReader(), new MarkdownReader(), new HtmlReader(), new PdfReader(), new DocxReader(), new SourceCodeReader(), new TranscriptReader()]);

    /// <summary>Gets the extensions some reader handles.</summary>
    public IReadOnlyCollection<string> Extensions => _byExtension.Keys;

    /// <summary>Returns the reader for the file's extension, or null when no reader handles it.</summary>
    public IDocumentReader? For(string path) => _byExtension.GetValueOrDefault(Path.GetExtension(path));
}
