using System.Runtime.CompilerServices;
using System.Xml;
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

        List<TextBlock> blocks;
        using (document)
        {
            try
            {
                blocks = Extract(document, cancellationToken);
            }
            catch (Exception error) when (error is XmlException or InvalidDataException or OpenXmlPackageException or InvalidOperationException)
            {
                // The SDK parses a part when it is first touched, so a damaged document.xml surfaces only now.
                throw new DocumentReadException($"not a readable .docx file: {error.Message}", error);
            }
        }

        foreach (var block in blocks)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            yield return block;
        }
    }

    // The whole body is read inside one guard (its size is bounded by DocxArchiveGuard); blocks are yielded after.
    private static List<TextBlock> Extract(WordprocessingDocument document, CancellationToken cancellationToken)
    {
        var body = document.MainDocumentPart?.Document?.Body
                   ?? throw new DocumentReadException("the .docx file has no document body");
        var blocks = new List<TextBlock>();
        var headings = new HeadingTrail();
        long offset = 0;
        foreach (var element in body.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
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

                blocks.Add(new TextBlock(text, headings.Current, offset, level > 0));
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
                        blocks.Add(new TextBlock(text, headings.Current, offset));
                        offset += text.Length + 2;
                    }
                }
            }
        }

        return blocks;
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
