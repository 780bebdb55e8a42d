using Grounded.Web.Tests.Support;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Documents;

[Collection(WebAppCollection.Name)]
public sealed class DocumentsPageTests(WebAppHost host)
{
    [SkippableFact]
    public async Task An_upload_shows_its_progress_then_is_listed_searchable_and_can_be_deleted()
    {
        var page = await host.OpenAsync("#/documents", host.WriterKey);
        var name = $"kiln-{Guid.NewGuid():N}.md";
        await page.GetByLabel("Files").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "text/markdown",
            Buffer = System.Text.Encoding.UTF8.GetBytes("# Kilns\n\nA pottery kiln fires clay at about 1200 degrees Celsius to make stoneware.\n"),
        });
        await page.EvaluateAsync("""
            () => { window.seen = []; const s = document.querySelector('.upload-status');
                    new MutationObserver(() => window.seen.push(s.textContent)).observe(s, { childList: true, characterData: true, subtree: true }); }
            """);

        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.Locator(".upload-status")).ToHaveTextAsync("Done: 1 file.");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Upload results" })).ToContainTextAsync($"{name} — added");
        var seen = await page.EvaluateAsync<string[]>("() => window.seen");
        Assert.Contains(seen, s => s.StartsWith("Uploading", StringComparison.Ordinal));
        Assert.Contains("Ingesting…", seen);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await page.GetByLabel("Search the documents").FillAsync("kiln clay temperature");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var hit = page.GetByRole(AriaRole.List, new() { Name = "Search results" }).GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(hit).ToContainTextAsync(name);
        await Assertions.Expect(hit.Locator("mark").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^([Kk]ilns?|[Cc]lay)$"));

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "docs/osprey.md" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task A_reader_sees_the_list_without_upload_or_delete_and_a_note_why()
    {
        var page = await host.OpenAsync("#/documents", host.ReaderKey);

        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "docs/osprey.md" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("uploading and deleting need the writer role")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Upload" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Delete") })).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Another_tenants_key_sees_and_finds_none_of_the_default_tenants_documents()
    {
        var page = await host.OpenAsync("#/documents", host.OtherTenantKey);

        await Assertions.Expect(page.Locator("#list-title + [role=status]")).ToHaveTextAsync("No documents yet.");
        await page.GetByLabel("Search the documents").FillAsync("Osprey relay beacon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Status)).ToHaveTextAsync("Nothing matched.");
        await Assertions.Expect(page.GetByText("osprey", new() { Exact = false })).ToHaveCountAsync(0);
    }
}
