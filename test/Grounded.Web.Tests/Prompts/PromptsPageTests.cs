using System.Text.RegularExpressions;
using Grounded.Prompts;
using Grounded.Rag.Access;
using Grounded.Web.Tests.Support;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Prompts;

[Collection(WebAppCollection.Name)]
public sealed class PromptsPageTests(WebAppHost host)
{
    [SkippableFact]
    public async Task An_admin_sees_the_promoted_scores_confirms_a_rollback_and_the_previous_version_is_active_again()
    {
        Chromium.Require();
        var env = await TwoPromotionsAsync();

        var page = await host.OpenAsync($"#/prompts?id=summary&env={env}", host.AdminKey);
        await Assertions.Expect(page.Locator("#prompt-active-version")).ToContainTextAsync("1.1.0");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^1\\.1\\.0") })).ToContainTextAsync("token_f1 0.74");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^1\\.0\\.0") })).ToContainTextAsync("token_f1 0.7");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Roll back {env}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("1.0.0");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#prompt-active-version")).ToContainTextAsync("1.0.0");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = $"History in {env}" })).ToContainTextAsync("rollback");
        await using var store = await SqliteAccessStore.OpenAsync(host.StoreLocation);
        Assert.Equal("1.0.0", (await store.GetActiveAsync("summary", env, default))?.Version);
    }

    [SkippableFact]
    public async Task A_reader_sees_versions_and_a_diff_marked_with_plus_and_minus_but_no_rollback_or_promote()
    {
        Chromium.Require();
        var env = await TwoPromotionsAsync();

        var page = await host.OpenAsync($"#/prompts?id=summary&env={env}", host.ReaderKey);
        await Assertions.Expect(page.Locator("#prompt-active-version")).ToContainTextAsync("1.1.0");
        await page.GetByLabel("From", new() { Exact = true }).SelectOptionAsync("1.0.0");
        await page.GetByLabel("To", new() { Exact = true }).SelectOptionAsync("1.1.0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show diff" }).ClickAsync();

        var added = page.Locator(".diff-add", new() { HasText = "You summarize in one short sentence." });
        await Assertions.Expect(added).ToContainTextAsync("+");
        await Assertions.Expect(added).ToContainTextAsync("added:");
        await Assertions.Expect(page.Locator(".diff-del", new() { HasText = "You summarize." })).ToContainTextAsync("removed:");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Roll back") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Promote" })).ToHaveCountAsync(0);
    }

    // Promotes summary 1.0.0 then 1.1.0 in a fresh environment (through the store, as the gate would record them); returns its name.
    private async Task<string> TwoPromotionsAsync()
    {
        var env = "web-" + Guid.NewGuid().ToString("N")[..8];
        await using var store = await SqliteAccessStore.OpenAsync(host.StoreLocation);
        var at = DateTimeOffset.UtcNow;
        await store.SetActiveAsync(new PromptActivation("summary", env, "1.0.0", at.AddMinutes(-5), "admin") { Metric = "token_f1", Score = 0.7, Origin = "test" }, null, default);
        var first = await store.GetActiveAsync("summary", env, default);
        await store.SetActiveAsync(new PromptActivation("summary", env, "1.1.0", at, "admin")
        {
            Previous = "1.0.0", Metric = "token_f1", Score = 0.74, PreviousScore = 0.7, Origin = "test",
        }, first!.Seq, default);
        return env;
    }
}
