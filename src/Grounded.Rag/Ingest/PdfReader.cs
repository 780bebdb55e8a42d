using System.Runtime.CompilerServices;
using Grounded.Documents;
using Grounded.Stages;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Grounded.Rag.Ingest;

/// <summary>Reads PDF text page by page with PdfPig, in content order; a page's paragraphs become blocks.</summary>
internal sealed class PdfReader : IDocumentReader
{
    /// <summary>The most pages a PDF may have: a longer file is refused before any page is read (a book is rarely 2,000 pages; a crafted file can claim millions).</summary>
    public const int MaxPages = 2000;

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public async IAsyncEnumerable<TextBlock> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(path);
        }
        catch (Exception error) when (error is not OperationCanceledException and not IOException and not UnauthorizedAccessException)
        {
            throw new DocumentReadException($"not a readable PDF: {error.Message}", error);
        }

        using (document)
        {
            int pages;
            try
            {
                pages = document.NumberOfPages;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                throw new DocumentReadException($"not a readable PDF: {error.Message}", error);
            }

            if (pages > MaxPages)
            {
                throw new DocumentReadException($"the PDF has {pages} pages; the limit is {MaxPages}");
            }

            long offset = 0;
            for (var number = 1; number <= pages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string text;
                try
                {
                    text = ContentOrderTextExtractor.GetText(document.GetPage(number));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    throw new DocumentReadException($"PDF page {number} cannot be read: {error.Message}", error);
                }

                using var reader = new StringReader(text);
                await foreach (var (paragraph, start) in ParagraphSplitter.SplitAsync(reader, cancellationToken).ConfigureAwait(false))
                {
                    yield return new TextBlock(paragraph, [$"Page {number}"], offset + start);
                }

                offset += text.Length + 2;
            }
        }
    }
}
