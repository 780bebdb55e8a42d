using Grounded.Access;
using Grounded.Rag.Access;
using Grounded.Server;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Support;

/// <summary>
/// A real <c>grounded serve</c> on a loopback port (the same host the CLI runs) over a store of a few documents of the
/// default tenant, with one model (<c>small</c>) served by a scripted upstream over HTTP, keys of two tenants, an agents
/// folder, and one headless Chromium shared by the tests of a collection.
/// </summary>
public sealed class WebAppHost : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private TempStore _store = null!;
    private WebApplication _app = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Gets the documents the store starts with (tenant <c>default</c>).</summary>
    public static IReadOnlyDictionary<string, string> Documents { get; } = new Dictionary<string, string>
    {
        ["docs/osprey.md"] = "# Osprey relay\n\nThe Osprey relay station restarts its beacon every 40 minutes. Its keeper logs each restart.\n",
        ["docs/tides.md"] = "# Tides\n\nOcean tides rise and fall twice a day because the Moon's gravity pulls on the water.\n",
        ["docs/bread.md"] = "# Baking bread\n\nBread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas.\n",
    };

    public ScriptableUpstream Upstream { get; private set; } = null!;

    /// <summary>Gets the server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = null!;

    public string AdminKey { get; private set; } = null!;

    public string WriterKey { get; private set; } = null!;

    public string ReaderKey { get; private set; } = null!;

    /// <summary>Gets an admin key of another tenant, which owns none of the documents.</summary>
    public string OtherTenantKey { get; private set; } = null!;

    /// <summary>Gets the folder holding the store, the config and the agents folder.</summary>
    public string Directory => _store.Directory;

    public string AgentsDirectory => System.IO.Path.Combine(Directory, "agents");

    /// <summary>Gets the store's location (its access.db holds keys, prompt pointers, agent runs and evaluation runs).</summary>
    public string StoreLocation => _store.Location;

    /// <summary>Gets the prompts directory: the prompt <c>summary</c> in versions 1.0.0 and 1.1.0.</summary>
    public string PromptsDirectory => System.IO.Path.Combine(Directory, "prompts");

    public async Task InitializeAsync()
    {
        Upstream = await ScriptableUpstream.StartAsync("small");
        _store = await TempStore.CreateAsync(Documents);
        await using (var keys = await SqliteAccessStore.OpenAsync(_store.Location))
        {
            AdminKey = (await keys.CreateAsync(new NewApiKey(Tenants.Default, Role.Admin), default)).Secret;
            WriterKey = (await keys.CreateAsync(new NewApiKey(Tenants.Default, Role.Writer), default)).Secret;
            ReaderKey = (await keys.CreateAsync(new NewApiKey(Tenants.Default, Role.Reader), default)).Secret;
            OtherTenantKey = (await keys.CreateAsync(new NewApiKey("other", Role.Admin), default)).Secret;
        }

        System.IO.Directory.CreateDirectory(AgentsDirectory);
        await File.WriteAllTextAsync(System.IO.Path.Combine(AgentsDirectory, "careful.yaml"),
            "name: careful\ninstructions: Use the calculator.\nmodel: small\ntools: [{ name: calculate, requiresApproval: true }]\ncaps: { maxSteps: 5 }\n");
        await WritePromptsAsync();
        var config = System.IO.Path.Combine(Directory, "grounded.yaml");
        await File.WriteAllTextAsync(config, $$"""
            models:
              - name: small
                provider: openai
                endpoint: {{Upstream.Endpoint}}
                model: small-model
                contextWindow: 8000
                maxOutputTokens: 500
                price: { inputPerMTok: 0.15, outputPerMTok: 0.60 }
            resilience:
              retry: { maxAttempts: 1 }
            agents: { dir: "{{AgentsDirectory}}" }
            prompts: { dir: "{{PromptsDirectory}}" }
            """);
        _app = GroundedServer.Build(["--config", config, "--store", _store.Location, "--urls", "http://127.0.0.1:0"]);
        await _app.StartAsync();
        Url = _app.Urls.First();
        if (Chromium.Path is not null)
        {
            (_playwright, _browser) = await Chromium.LaunchAsync();
        }
    }

    private async Task WritePromptsAsync()
    {
        var folder = System.IO.Path.Combine(PromptsDirectory, "summary");
        System.IO.Directory.CreateDirectory(folder);
        foreach (var (version, system) in new[] { ("1.0.0", "You summarize."), ("1.1.0", "You summarize in one short sentence.") })
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, version + ".yaml"),
                $"id: summary\nversion: {version}\nauthor: ada\ndescription: Summarizes a question.\nvariables: [question]\ntemplate:\n  system: {system}\n  user: \"Summarize: {{{{question}}}}\"\n");
        }
    }

    /// <summary>Opens the app at <paramref name="hash"/> (e.g. <c>#/chat</c>) in a new browser context, signed in with <paramref name="key"/> (the admin key when null).</summary>
    public async Task<IPage> OpenAsync(string hash = "#/chat", string? key = null, int width = 1280)
    {
        var page = await (await NewContextAsync(width)).NewPageAsync();
        await page.GotoAsync("/" + hash);
        await page.GetByLabel("API key").FillAsync(key ?? AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#nav").WaitForAsync(); // signed in: the navigation shows
        return page;
    }

    /// <summary>Returns a new browser context (its own storage: signed out) whose relative URLs go to the server; skips without a browser.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280)
    {
        Chromium.Require();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Url, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        _contexts.Add(context);
        return context;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
        await Upstream.DisposeAsync();
        _store.Dispose();
    }
}
