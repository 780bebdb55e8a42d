using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Ingest;

/// <summary>Reads Word documents with the Open XML SDK: paragraphs and table rows in order, under their Heading/Title styles.</summary>
internal sealed class DocxReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public async IAsyncEnumerable<TextBlock> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DocxArchiveGuard.Check(path);
        WordprocessingDocument document;
        try
        {
            // Declared sizes can lie: the SDK's own cap on a part's characters stops a part that inflates past them.
            document = WordprocessingDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = DocxArchiveGuard.MaxExpandedBytes });
        }
        catch (Exception error) when (error is not OperationCanceledException and not IOException and not UnauthorizedAccessException
                                      || error is FileFormatException or InvalidDataException)
        {
            throw new DocumentReadException($"not a readable .docx file: {error.Message}", error);
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body
                       ?? throw new DocumentReadException("the .docx file has no document body");
            var headings = new HeadingTrail();
            long offset = 0;
            foreach (var element in body.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.CompletedTask.ConfigureAwait(false);
                if (element is Paragraph paragraph)
                {
                    var text = paragraph.InnerText.Trim();
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var level = HeadingLevel(paragraph);
                    if (level > 0)
                    {
                        headings.Enter(level, text);
                    }

                    yield return new TextBlock(text, headings.Current, offset, level > 0);
                    offset += text.Length + 2;
                }
                else if (element is Table table)
                {
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c => c.InnerText.Trim()).Where(t => t.Length > 0);
                        var text = string.Join(" | ", cells);
                        if (text.Length > 0)
                        {
                            yield return new TextBlock(text, headings.Current, offset);
                            offset += text.Length + 2;
                        }
                    }
                }
            }
        }
    }

    private static int HeadingLevel(Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (style is null)
        {
            return 0;
        }

        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
               && int.TryParse(style.AsSpan("Heading".Length), out var level) && level is >= 1 and <= 9
            ? level
            : 0;
    }
}
