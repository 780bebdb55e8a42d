using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grounded.Web.Tests.Support;

/// <summary>Calls the fixture's server over HTTP with a key, for what a test sets up outside the browser.</summary>
internal static class HostApi
{
    public static async Task<JsonElement> PostAsync(this WebAppHost host, string path, object body, string key)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
