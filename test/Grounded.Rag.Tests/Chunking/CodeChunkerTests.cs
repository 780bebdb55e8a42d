using System.Text;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Chunking;

public sealed class CodeChunkerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<List<Chunk>> ChunkAsync(string source, string extension, int tokens = 128)
    {
        var chunker = new CodeChunker(CodeChunker.StructureFor("file" + extension), new ChunkingOptions { ChunkTokens = tokens, OverlapTokens = 0 });
        var chunks = await ChunkAssert.ChunkAsync(chunker, source.Length == 0 ? [] : [new TextBlock(source, [], 0)]);
        ChunkAssert.WithinBudget(chunks, tokens);
        ChunkAssert.Verbatim(chunks, source);
        ChunkAssert.NothingLost(chunks, source);
        return chunks;
    }

    private static string Method(string name, int statements) =>
        $"        /// <summary>Computes {name}.</summary>\n        public int {name}(int x)\n        {{\n"
        + string.Concat(Enumerable.Range(0, statements).Select(i => $"            x = x * {i + 3} + {name.Length} - (x >> 2); // step {i} of {name}\n"))
        + "            return x;\n        }\n";

    private static string CSharpClass(string ns, string type, params (string Name, int Statements)[] methods) =>
        $"using System;\n\nnamespace {ns}\n{{\n    internal sealed class {type}\n    {{\n        private int _count;\n\n"
        + string.Join("\n", methods.Select(m => Method(m.Name, m.Statements))) + "    }\n}\n";

    [Fact]
    public async Task EachLargeCSharpMethodIsAChunkUnderItsNamespaceClassAndName()
    {
        var source = CSharpClass("Shipping.Ports", "Harbour", ("Dock", 8), ("Unload", 8), ("Depart", 8));

        var chunks = await ChunkAsync(source, ".cs", tokens: 256);

        foreach (var name in new[] { "Dock", "Unload", "Depart" })
        {
            var chunk = Assert.Single(chunks, c => c.Text.Contains($"public int {name}(", StringComparison.Ordinal));

            // Dock shares its chunk with the field above it, so that chunk sits under the class.
            Assert.Equal(name == "Dock" ? "Shipping.Ports > Harbour" : $"Shipping.Ports > Harbour > {name}", chunk.HeadingPath);
            Assert.Contains($"/// <summary>Computes {name}.</summary>", chunk.Text, StringComparison.Ordinal); // doc comment stays with its method
            Assert.Contains("return x;\n        }", chunk.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SmallCSharpMembersOfOneClassShareAChunk()
    {
        var source = CSharpClass("Shipping", "Tugs", ("Push", 1), ("Pull", 1));

        var chunks = await ChunkAsync(source, ".cs", tokens: 512);

        var chunk = Assert.Single(chunks);
        Assert.Equal(source.Trim(), chunk.Text);
        Assert.Equal("Shipping > Tugs", chunk.HeadingPath); // named down to the file's only namespace and class
    }

    [Fact]
    public async Task AnOversizedCSharpMethodIsSplitAtLineEndsAndEveryPieceKeepsItsPath()
    {
        var source = CSharpClass("Shipping", "Crane", ("Lift", 60));

        var chunks = await ChunkAsync(source, ".cs");

        var pieces = chunks.Where(c => c.Text.Contains("of Lift", StringComparison.Ordinal)).ToList();
        Assert.True(pieces.Count >= 3);
        Assert.All(pieces.Skip(1), p => Assert.Equal("Shipping > Crane > Lift", p.HeadingPath));
        Assert.All(pieces, p => Assert.EndsWith("\n", source[..(int)p.EndOffset].TrimEnd(' ') + "\n", StringComparison.Ordinal));
        Assert.All(pieces.Skip(1), p => Assert.True(p.StartOffset == 0 || source[(int)p.StartOffset - 1] is '\n' or ' ', "a piece starts mid-line"));
    }

    [Theory]
    // Lengths whose last piece was a stub before the rebalancing.
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(27)]
    [InlineData(28)]
    public async Task AnOversizedFunctionIsSplitIntoPiecesOfEvenSizeWithoutAStubAtTheEnd(int statements)
    {
        var body = string.Concat(Enumerable.Range(0, statements).Select(i => $"        total += value * {i}  # accumulate step {i} of the rolling sum\n"));
        var source = "class Ledger:\n    def credit(value):\n        total = 0\n" + body + "        return total\n";

        var chunks = await ChunkAsync(source, ".py");

        Assert.All(chunks, c => Assert.True(c.TokenCount >= 128 / 4, $"a stub of {c.TokenCount} tokens: {c.Text}"));
        Assert.All(chunks, c => Assert.Equal("Ledger > credit", c.HeadingPath));
    }

    [Fact]
    public async Task CSharpWithSyntaxErrorsAndUnbalancedBracesIsChunkedWithoutLosingText()
    {
        var source = CSharpClass("Broken", "Half", ("One", 10), ("Two", 10)).Replace("return x;", "return x +;\n {{ ( ]", StringComparison.Ordinal)[..^4];

        var chunks = await ChunkAsync(source, ".cs");

        Assert.True(chunks.Count >= 2);
    }

    [Theory]
    [InlineData(".cs")]
    [InlineData(".py")]
    [InlineData(".ts")]
    public async Task OneGiantLineIsCutIntoPiecesWithinTheBudget(string extension)
    {
        var source = "var data = [" + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"item{i}\"")) + "];";

        var chunks = await ChunkAsync(source, extension);

        Assert.True(chunks.Count > 100);
    }

    [Fact]
    public async Task AnEmptyOrBlankFileHasNoChunks()
    {
        Assert.Empty(await ChunkAsync(string.Empty, ".cs"));
        Assert.Empty(await ChunkAsync("\n\n   \n", ".py"));
    }

    [Fact]
    public async Task PythonFunctionsAndMethodsAreSplitByIndentationWithTheirDecoratorsAndDocstrings()
    {
        var body = string.Concat(Enumerable.Range(0, 12).Select(i => $"        total += value * {i}  # accumulate step {i} of the rolling sum\n"));
        var source = "import math\n\n\nclass Ledger:\n    \"\"\"A ledger.\"\"\"\n\n"
                     + "    @staticmethod\n    def credit(value):\n        \"\"\"\nDocstring text at column zero.\n\"\"\"\n        total = 0\n" + body + "        return total\n\n"
                     + "    async def debit(self, value):\n        total = (value +\n  1)\n" + body + "        return total\n\n\n"
                     + "def main():\n    print(Ledger().credit(1))\n";

        var chunks = await ChunkAsync(source, ".py", tokens: 256);

        var credit = Assert.Single(chunks, c => c.Text.Contains("def credit", StringComparison.Ordinal));
        Assert.Equal("Ledger > credit", credit.HeadingPath);
        Assert.Contains("    @staticmethod\n    def credit(value):", credit.Text, StringComparison.Ordinal);
        Assert.EndsWith("return total", credit.Text, StringComparison.Ordinal);
        var debit = Assert.Single(chunks, c => c.Text.Contains("async def debit", StringComparison.Ordinal));
        Assert.Equal("Ledger > debit", debit.HeadingPath);
        Assert.Contains("  1)", debit.Text, StringComparison.Ordinal); // a bracket continuation does not end the method
    }

    [Fact]
    public async Task JavaScriptFunctionsClassesAndMethodsAreSplitAtTheirBraces()
    {
        var body = string.Concat(Enumerable.Range(0, 10).Select(i => $"    total += values[{i}] * {i}; // weight {i} {{ not a brace\n"));
        var source = "export function weigh(values) {\n  let total = 0;\n  const label = `total: ${ values.map(v => { return v; }).length } }`;\n" + body.Replace("    ", "  ") + "  return total;\n}\n\n"
                     + "export class Scale {\n  constructor(limit) {\n    this.limit = limit;\n  }\n\n  measure(values) {\n    let total = '}';\n" + body + "    return total;\n  }\n}\n";

        var chunks = await ChunkAsync(source, ".js", tokens: 300);

        var weigh = Assert.Single(chunks, c => c.Text.Contains("function weigh", StringComparison.Ordinal));
        Assert.Equal("weigh", weigh.HeadingPath);
        Assert.EndsWith("return total;\n}", weigh.Text, StringComparison.Ordinal);
        var measure = Assert.Single(chunks, c => c.Text.Contains("measure(values)", StringComparison.Ordinal));
        Assert.Equal("Scale", measure.HeadingPath); // small enough to share a chunk with the constructor

        var smaller = await ChunkAsync(source, ".js", tokens: 200);
        Assert.Contains(smaller, c => c.HeadingPath == "Scale > measure" && c.Text.StartsWith("measure(values) {", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TypeScriptWithUnbalancedBracesLosesNoText()
    {
        var source = "interface Port {\n  name: string;\n}\n\n}}} stray closers\n\nfunction open(port: Port) {\n  if (port) {\n"
                     + string.Concat(Enumerable.Range(0, 80).Select(i => $"    console.log('line {i} of an unclosed function', port.name);\n"));

        var chunks = await ChunkAsync(source, ".ts", tokens: 64);

        Assert.True(chunks.Count > 5);
        Assert.Contains(chunks, c => c.HeadingPath == "open");
    }

    [Fact]
    public async Task TheSourceCodeReaderGivesTheFileVerbatimAsOneBlock()
    {
        var source = "def f():\r\n    return 1\r\n";
        var path = _dir.Write("m.py", source);

        var block = Assert.Single(await Blocks.ReadAllAsync(new SourceCodeReader(), path));

        Assert.Equal(source, block.Text);
        Assert.Empty(await Blocks.ReadAllAsync(new SourceCodeReader(), _dir.Write("empty.py", "  \n")));
        Assert.Contains(".tsx", new SourceCodeReader().Extensions);
        var binary = _dir.Write("video.ts", Encoding.Latin1.GetBytes("G\0\0\u0010binary"));
        await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(new SourceCodeReader(), binary));
    }
}
