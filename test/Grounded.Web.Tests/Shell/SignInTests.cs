using System.Text.RegularExpressions;
using Grounded.Web.Tests.Support;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Shell;

[Collection(WebAppCollection.Name)]
public sealed class SignInTests(WebAppHost host)
{
    [SkippableFact]
    public async Task With_keys_configured_the_app_asks_for_one_before_showing_anything()
    {
        var page = await (await host.NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#nav")).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task A_wrong_key_is_refused_with_a_message_and_a_right_one_shows_the_tenant_and_role()
    {
        var page = await (await host.NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync("gk_not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not accepted");

        await page.GetByLabel("API key").FillAsync(host.ReaderKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync(new Regex("default · reader"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chat", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }
}
