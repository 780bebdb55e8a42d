using System.IO.Compression;
using System.Text;
using CsCheck;

namespace Grounded.Rag.Tests.Ingest;

/// <summary>Generators of hostile documents for the reader properties: tag soup, deep nesting, random JSON trees, random WordprocessingML.</summary>
internal static class FuzzDocuments
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly Gen<string> Words = Gen.OneOf<string>("The", "pilot", "cut", "energy", "é", "日本", "\u0000", "\uFFFD", "&amp;", "&#0;", "&bogus;", " ", "\t", "\r\n", "<", ">", "\"", "'", "\\");

    /// <summary>Gets random text: words, markup characters, control characters and lone surrogates.</summary>
    public static Gen<string> Text { get; } = Gen.OneOf<string>(Words.Array[0, 40].Select(w => string.Concat(w)), Gen.String[0, 200], Gen.Char.Array[0, 100].Select(c => new string(c)));

    /// <summary>Gets HTML tag soup, and pages nested up to well past the reader's depth limit.</summary>
    public static Gen<string> Html { get; } = Gen.OneOf<string>(
        Gen.OneOf<string>(
            Gen.OneOf<string>("<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<i>", "<span>", "<table>", "<tr>", "<td>", "</table>", "<ul>", "<li>", "</ul>",
                "<h1>", "</h1>", "<h3>", "<svg>", "<path/>", "</svg>", "<math>", "<script>", "</script>", "<style>", "<!--", "-->", "<template>", "</template>",
                "<a href=x>", "</a>", "<form>", "<select>", "<option>", "<noscript>", "<body>", "<html>", "<head>", "<title>", "<frameset>", "<![CDATA[", "<div/>", "<br>"),
            Text).Array[0, 400].Select(parts => string.Concat(parts)),
        Gen.Select(Gen.OneOf<string>("<div>", "<b>", "<span>", "<blockquote>", "<table><tr><td>", "<ul><li>", "<section>x", "<font>", "<svg><g>", "<p>"), Gen.Int[0, 3000],
            (tag, depth) => "<html><body>" + string.Concat(Enumerable.Repeat(tag, depth)) + "text</body></html>"));

    /// <summary>Gets Markdown-ish text: headings, fences, lists, long lines and blank runs.</summary>
    public static Gen<string> Markdown { get; } = Gen.OneOf<string>(
        Gen.OneOf<string>("# ", "###### ", "####### ", "#", "```", "~~~", "\n", "\n\n", "- ", "> ", "    ", "|a|b|\n", "---\n", "[x](y)", "<div>"), Text)
        .Array[0, 400].Select(parts => string.Concat(parts));

    /// <summary>Gets JSON: random trees, transcripts with random fields, nesting past the limit, and damaged text.</summary>
    public static Gen<string> Json { get; } = Gen.OneOf<string>(
        Tree(5),
        Gen.Select(Gen.OneOf<string>("role", "speaker", "author", "from", "name", "x"), Gen.OneOf<string>("content", "text", "parts", "y"), Tree(3), Tree(3),
            (speaker, text, who, what) => $$"""{"messages":[{"{{speaker}}":{{who}},"{{text}}":{{what}}},{"role":"user","content":"hi"}]}"""),
        Gen.Select(Gen.OneOf<string>("[", "{\"a\":", "[{\"content\":"), Gen.Int[0, 200], (open, depth) => string.Concat(Enumerable.Repeat(open, depth))),
        Gen.Select(Tree(4), Gen.Int[0, 100], Text, (json, at, junk) => json.Insert(Math.Min(at, json.Length), junk)));

    /// <summary>Gets WordprocessingML bodies: random paragraphs, runs, tables and unknown elements, nested up to thousands deep.</summary>
    public static Gen<string> DocxBodies { get; } = Gen.OneOf<string>(
        Gen.OneOf<string>(
            Gen.OneOf<string>("<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>", "<w:tc>", "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>", "<w:sdt>", "<x:y xmlns:x=\"u\">"),
            Text.Select(t => System.Security.SecurityElement.Escape(t)!)).Array[0, 200].Select(parts => string.Concat(parts)),
        Gen.Select(Gen.OneOf<string>("<w:tbl><w:tr><w:tc>", "<w:sdt><w:sdtContent>", "<w:p><w:r>"), Gen.Int[0, 3000],
            (open, depth) => string.Concat(Enumerable.Repeat(open, depth)) + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"));

    /// <summary>Returns a .docx file (its minimum parts) whose body holds <paramref name="body"/> as written, well-formed or not.</summary>
    public static byte[] Docx(string body)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WordNamespace}"><w:body>{body}</w:body></w:document>""");
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }

    private static Gen<string> Tree(int depth)
    {
        var scalar = Gen.OneOf<string>(
            Gen.OneOf<string>("null", "true", "false", "0", "-1.5e308", "1e999", "\"\"", "\"user\"", "\"assistant\""),
            Text.Select(t => System.Text.Json.JsonSerializer.Serialize(t)));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = Tree(depth - 1);
        return Gen.OneOf<string>(
            scalar,
            inner.Array[0, 6].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(Gen.OneOf<string>("role", "content", "text", "messages", "parts", "speaker", "name", "turns", "x"), inner, (k, v) => (k, v)).Array[0, 6]
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.k}\":{p.v}")) + "}"));
    }
}
