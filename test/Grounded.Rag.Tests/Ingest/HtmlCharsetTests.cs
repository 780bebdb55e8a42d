using System.Text;
using Grounded.Rag.Ingest;

namespace Grounded.Rag.Tests.Ingest;

public sealed class HtmlCharsetTests
{
    [Theory]
    [InlineData("<html><head><meta charset=\"iso-8859-2\"></head>", "iso-8859-2")]
    [InlineData("<META CHARSET=koi8-r>", "koi8-r")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", "windows-1251")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", "iso-8859-15")]
    public void FindsTheCharsetAPageDeclares(string head, string expected) =>
        Assert.Equal(expected, HtmlCharset.Find(Encoding.ASCII.GetBytes(head))?.Name);

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("Latin1")]
    [InlineData("us-ascii")]
    public void ReadsLatin1AndAsciiDeclarationsAsWindows1252AsBrowsersDo(string label)
    {
        var found = HtmlCharset.Find(Encoding.ASCII.GetBytes($"<meta charset=\"{label}\">"));

        Assert.Equal("windows-1252", found?.Name);
        Assert.Contains("the charset the page declares", found?.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><head><title>No declaration</title></head>")]
    [InlineData("<meta charset=\"no-such-charset\">")]
    [InlineData("<meta charset=\"utf-8\">")] // UTF-8 is checked before any declaration, so declaring it adds nothing
    public void FindsNoUsableDeclarationWhereThereIsNone(string head) =>
        Assert.Null(HtmlCharset.Find(Encoding.ASCII.GetBytes(head)));
}
