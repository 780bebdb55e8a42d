using Grounded.Documents;

namespace Grounded.Rag.Tests.Support;

/// <summary>Builds a document's text and its blocks together, so tests can check offsets against the text.</summary>
internal sealed class DocumentBuilder
{
    private readonly System.Text.StringBuilder _text = new();
    private readonly List<TextBlock> _blocks = [];
    private readonly List<string> _path = [];

    public string Text => _text.ToString();

    public IReadOnlyList<TextBlock> Blocks => _blocks;

    public DocumentBuilder Heading(int level, string title)
    {
        _path.RemoveRange(Math.Min(level - 1, _path.Count), _path.Count - Math.Min(level - 1, _path.Count));
        _path.Add(title);
        return Add(title, isHeading: true);
    }

    public DocumentBuilder Paragraph(string text) => Add(text, isHeading: false);

    private DocumentBuilder Add(string text, bool isHeading)
    {
        if (_text.Length > 0)
        {
            _text.Append("\n\n");
        }

        _blocks.Add(new TextBlock(text, _path.ToArray(), _text.Length, isHeading));
        _text.Append(text);
        return this;
    }
}
