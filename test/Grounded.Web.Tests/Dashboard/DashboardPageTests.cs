using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grounded.Web.Tests.Support;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Dashboard;

[Collection(WebAppCollection.Name)]
public sealed class DashboardPageTests(WebAppHost host)
{
    [SkippableFact]
    public async Task After_a_few_requests_a_phone_sized_dashboard_shows_their_totals_the_model_and_the_series()
    {
        Chromium.Require();
        host.Upstream.Reset();
        using var client = new HttpClient { BaseAddress = new Uri(host.Url) };
        // Tenant "other": no other test makes model requests there, so its totals are this test's requests alone (the default
        // tenant's agent runs write ledger rows off the request path, which could land while the page loads).
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.OtherTenantKey);
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("/v1/chat/completions", new { model = "small", messages = new[] { new { role = "user", content = $"hello {i}" } } });
            response.EnsureSuccessStatusCode();
        }

        var requests = await RequestsAsync(client, atLeast: 3);
        Assert.Equal(3, requests);

        var page = await host.OpenAsync("#/dashboard?since=1h", host.OtherTenantKey, width: 390);
        var totals = page.GetByRole(AriaRole.Region, new() { Name = "Totals" });
        await Assertions.Expect(totals.Locator(".stat", new() { HasText = "Requests" }).Locator(".stat-value")).ToHaveTextAsync(requests.ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "By model" }).GetByRole(AriaRole.Row, new() { Name = "small" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Requests and errors: requests from .* last") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Range")).ToHaveValueAsync("1h");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390px");
    }

    // The ledger is written off the request path: waits (bounded) until the dashboard's data counts the requests just made.
    private static async Task<long> RequestsAsync(HttpClient client, long atLeast)
    {
        for (var attempt = 0; ; attempt++)
        {
            var data = await client.GetFromJsonAsync<JsonElement>("/v1/dashboard?since=1h");
            var requests = data.GetProperty("totals").GetProperty("requests").GetInt64();
            if (requests >= atLeast || attempt == 50)
            {
                return requests;
            }

            await Task.Delay(100);
        }
    }
}
