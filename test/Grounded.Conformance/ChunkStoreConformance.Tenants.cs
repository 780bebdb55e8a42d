using Grounded.Documents;
using Grounded.Rag.Retrieve;
using Grounded.Storage;

namespace Grounded.Conformance;

/// <summary>Tenant and group isolation: what one caller may not see never reaches it, through either search leg, hybrid search or listings.</summary>
public abstract partial class ChunkStoreConformance
{
    private static readonly SearchFilter Acme = new() { Tenant = "acme" };
    private static readonly SearchFilter Globex = new() { Tenant = "globex" };

    [SkippableFact]
    public async Task EachTenantSeesOnlyItsOwnDocumentsInBothLegsHybridSearchAndListings()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("a1", "memo.md") with { Tenant = "acme" }, ("halcyon revenue memo", E(0)));
        await WriteAsync(store, Doc("g1", "memo.md") with { Tenant = "globex" }, ("halcyon revenue memo", E(0)));
        await WriteAsync(store, Doc("d1", "readme.md"), ("halcyon default memo", E(0)));

        async Task<string[]> Visible(SearchFilter filter)
        {
            var dense = (await store.SearchAsync(E(0), 5, filter, None)).Select(h => h.Chunk.DocumentId).Order().ToArray();
            var keyword = (await store.KeywordSearchAsync("halcyon", 5, filter, None)).Select(h => h.Chunk.DocumentId).Order().ToArray();
            var hybrid = (await new HybridRetriever(store, new FixedEmbedder(Model, new Dictionary<string, float[]> { ["halcyon"] = E(0) }), filter)
                .RetrieveAsync("halcyon", 5, None)).Select(h => h.Chunk.DocumentId).Order().ToArray();
            var listed = (await store.ListDocumentsAsync(filter, None)).Select(d => d.Id).Order().ToArray();
            Assert.Equal(dense, keyword);
            Assert.Equal(dense, hybrid);
            Assert.Equal(dense, listed);
            return dense;
        }

        Assert.Equal(["a1"], await Visible(Acme));
        Assert.Equal(["g1"], await Visible(Globex));
        Assert.Equal(["d1"], await Visible(new SearchFilter { Tenant = "default" }));
        Assert.Empty(await Visible(new SearchFilter { Tenant = "initech" }));
        Assert.Equal(["a1", "d1", "g1"], await Visible(SearchFilter.None));
        Assert.Equal("acme", (await store.GetDocumentAsync("a1", None))!.Tenant);
        Assert.Equal("default", (await store.GetDocumentAsync("d1", None))!.Tenant);
    }

    [SkippableFact]
    public async Task ADocumentWithGroupsIsVisibleOnlyToCallersSharingOneAndAlwaysToCallersWithoutGroupRestriction()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("open", "handbook.md") with { Tenant = "acme" }, ("payroll schedule public", E(0)));
        await WriteAsync(store, Doc("fin", "salaries.md") with { Tenant = "acme", Groups = ["finance", "board"] }, ("payroll salaries secret", E(0)));
        await WriteAsync(store, Doc("hr", "reviews.md") with { Tenant = "acme", Groups = ["hr"] }, ("payroll reviews secret", E(0)));

        async Task<string[]> Visible(IReadOnlyList<string>? groups)
        {
            var filter = Acme with { Groups = groups };
            var dense = (await store.SearchAsync(E(0), 5, filter, None)).Select(h => h.Chunk.DocumentId).Order().ToArray();
            var keyword = (await store.KeywordSearchAsync("payroll", 5, filter, None)).Select(h => h.Chunk.DocumentId).Order().ToArray();
            var listed = (await store.ListDocumentsAsync(filter, None)).Select(d => d.Id).Order().ToArray();
            Assert.Equal(dense, keyword);
            Assert.Equal(dense, listed);
            return dense;
        }

        Assert.Equal(["open"], await Visible([]));
        Assert.Equal(["fin", "open"], await Visible(["finance"]));
        Assert.Equal(["fin", "hr", "open"], await Visible(["board", "hr"]));
        Assert.Equal(["open"], await Visible(["marketing"]));
        Assert.Equal(["fin", "hr", "open"], await Visible(null));
        Assert.Equal(["board", "finance"], (await store.GetDocumentAsync("fin", None))!.Groups.Order());
    }

    [SkippableFact]
    public async Task ASmallTenantGetsItsTrueTopKWhenALargerTenantHoldsEveryCloserChunk()
    {
        await using var store = await OpenAsync(Model);
        for (var d = 0; d < 10; d++)
        {
            await WriteAsync(store, Doc($"big{d}", $"big/{d}.md") with { Tenant = "globex" },
                [.. Enumerable.Range(0, 20).Select(i => ($"otter report globex {d} {i}", Unit(1, 0.01f * i, 0, 0)))]);
        }

        var expected = new List<(string Text, float Score)>();
        for (var i = 0; i < 12; i++)
        {
            var vector = Unit(1, 1 + 0.2f * i, 0, 0);
            await WriteAsync(store, Doc($"small{i}", $"small/{i}.md") with { Tenant = "acme" }, ($"otter report acme {i}", vector));
            expected.Add(($"otter report acme {i}", vector[0]));
        }

        var dense = await store.SearchAsync(E(0), 10, Acme, None);
        var keyword = await store.KeywordSearchAsync("otter report", 10, Acme, None);

        Assert.Equal(expected.OrderByDescending(e => e.Score).Take(10).Select(e => e.Text), dense.Select(h => h.Chunk.Chunk.Text));
        Assert.Equal(10, keyword.Count);
        Assert.All(keyword, h => Assert.StartsWith("small", h.Chunk.DocumentId, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task WritingUnderADocumentIdAnotherTenantHoldsIsRefusedAndChangesNothing()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("shared-id", "memo.md") with { Tenant = "acme" }, ("acme text", E(0)));

        await Assert.ThrowsAsync<StoreException>(() => WriteAsync(store, Doc("shared-id", "memo.md", "v2") with { Tenant = "globex" }, ("globex text", E(1))));

        var document = await store.GetDocumentAsync("shared-id", None);
        Assert.Equal(("acme", "v1"), (document!.Tenant, document.ContentHash));
        Assert.Equal("acme text", Assert.Single(await store.SearchAsync(E(0), 5, Acme, None)).Chunk.Chunk.Text);
        Assert.Empty(await store.SearchAsync(E(1), 5, Globex, None));
    }
}
