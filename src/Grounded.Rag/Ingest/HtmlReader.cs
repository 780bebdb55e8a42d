using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>Reads HTML with AngleSharp: visible block text in reading order under its h1–h6 heading path; scripts, styles and navigation are dropped.</summary>
internal sealed class HtmlReader : TextFileReader
{
    private static readonly HashSet<string> Skipped = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "SVG", "HEAD", "IFRAME", "FORM", "BUTTON"];
    private static readonly HashSet<string> Blocks =
        ["P", "LI", "PRE", "BLOCKQUOTE", "TD", "TH", "DT", "DD", "FIGCAPTION", "CAPTION", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "UL", "OL", "DL", "BODY", "ADDRESS", "SUMMARY", "DETAILS",
         "H1", "H2", "H3", "H4", "H5", "H6"];

    public override IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".xhtml"];

    /// <summary>Detects the encoding as for any text file, but honours a charset the page declares when it is not UTF-8.</summary>
    public override Task<TextEncoding> DetectEncodingAsync(string path, CancellationToken cancellationToken) =>
        TextFileGuard.DetectAsync(path, HtmlCharset.Find, cancellationToken);

    protected override async IAsyncEnumerable<TextBlock> ReadBlocksAsync(TextReader reader, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var html = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (HtmlNesting.TooDeep(html))
        {
            throw new DocumentReadException($"the HTML nests elements more than {HtmlNesting.MaxDepth} levels deep; the limit is {HtmlNesting.MaxDepth}");
        }

        using var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken).ConfigureAwait(false);
        var walker = new Walker();
        if (document.Body is not null)
        {
            walker.Visit(document.Body, 0);
        }

        foreach (var block in walker.Output)
        {
            yield return block;
        }
    }

    private sealed class Walker
    {
        private readonly HeadingTrail _headings = new();
        private long _offset;

        public List<TextBlock> Output { get; } = [];

        public void Visit(IElement element, int depth)
        {
            if (Skipped.Contains(element.TagName))
            {
                return;
            }

            var level = HeadingLevel(element.TagName);
            if (level > 0)
            {
                var title = Collapse(element.TextContent);
                if (title.Length == 0)
                {
                    return;
                }

                _headings.Enter(level, title);
                Emit(title, isHeading: true);
                return;
            }

            // The estimate before parsing can under-count, so the walk has its own bound: past it, a subtree is one block.
            if (depth >= HtmlNesting.MaxDepth || !element.Children.Any(c => Blocks.Contains(c.TagName)))
            {
                Emit(Collapse(VisibleText(element)), isHeading: false);
                return;
            }

            // Mixed content: loose text between child blocks becomes its own block.
            var loose = new StringBuilder();
            foreach (var node in element.ChildNodes)
            {
                if (node is IElement child && Blocks.Contains(child.TagName))
                {
                    Emit(Collapse(loose.ToString()), isHeading: false);
                    loose.Clear();
                    Visit(child, depth + 1);
                }
                else if (node is IElement inline)
                {
                    if (!Skipped.Contains(inline.TagName))
                    {
                        loose.Append(VisibleText(inline));
                    }
                }
                else if (node.NodeType == NodeType.Text)
                {
                    loose.Append(node.TextContent);
                }
            }

            Emit(Collapse(loose.ToString()), isHeading: false);
        }

        private void Emit(string text, bool isHeading)
        {
            if (text.Length == 0)
            {
                return;
            }

            Output.Add(new TextBlock(text, _headings.Current, _offset, isHeading));
            _offset += text.Length + 2;
        }

        private static string VisibleText(IElement element)
        {
            if (element.QuerySelectorAll("script,style,noscript,template").Length == 0)
            {
                return element.TextContent;
            }

            var clone = (IElement)element.Clone(deep: true);
            foreach (var hidden in clone.QuerySelectorAll("script,style,noscript,template").ToList())
            {
                hidden.Remove();
            }

            return clone.TextContent;
        }

        private static int HeadingLevel(string tag) =>
            tag.Length == 2 && tag[0] == 'H' && tag[1] is >= '1' and <= '6' ? tag[1] - '0' : 0;

        private static string Collapse(string text)
        {
            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
