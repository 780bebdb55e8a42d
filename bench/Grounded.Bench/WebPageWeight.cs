using System.Globalization;
using System.Text.Json;
using Grounded.Rag;
using Grounded.Rag.Ingest;
using Grounded.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Grounded.Bench;

/// <summary>
/// The chat page's weight and time to interactive: a real server (no keys, so no sign-in step) over the bundled docs
/// ingested into a temporary store, loaded in headless Chromium (Debian's, through Playwright) in a fresh browser context
/// each run (a first visit: nothing cached). Weight from the Resource Timing entries (bytes on the wire with headers,
/// compressed bodies, decoded bodies, requests); interactive = the app's <c>grounded:interactive</c> mark (the question
/// box enabled once the first data calls are done). Baseline from the same run: the server's favicon as a navigation.
/// </summary>
internal static class WebPageWeight
{
    private const string Usage = "usage: web-page [--runs 20] [--docs DIR] [--chromium PATH] [--json FILE]";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    // Everything the page fetched, from the browser's own timing entries; the mark's time is from navigation start.
    private const string Measure = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const all = [nav, ...performance.getEntriesByType('resource')];
          const api = all.filter(e => new URL(e.name).pathname.startsWith('/v1/'));
          const sum = (list, key) => list.reduce((total, e) => total + (e[key] || 0), 0);
          const mark = performance.getEntriesByName('grounded:interactive')[0];
          return { requests: all.length, apiRequests: api.length, transfer: sum(all, 'transferSize'), encoded: sum(all, 'encodedBodySize'),
                   decoded: sum(all, 'decodedBodySize'), apiTransfer: sum(api, 'transferSize'), interactiveMs: mark ? mark.startTime : -1,
                   loadMs: nav.loadEventEnd, domContentLoadedMs: nav.domContentLoadedEventEnd };
        }
        """;

    private sealed record Load(int Requests, int ApiRequests, double Transfer, double Encoded, double Decoded, double ApiTransfer, double InteractiveMs, double LoadMs, double DomContentLoadedMs);

    private sealed record Spread(double P50, double P95);

    public static async Task<int> RunAsync(string[] args)
    {
        Args options;
        try
        {
            options = Args.Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }

        var runs = Math.Max(1, options.GetInt("runs", 20));
        var docs = options.Get("docs") ?? FindDocs();
        var chromium = options.Get("chromium") ?? "/usr/bin/chromium";
        if (docs is null || !Directory.Exists(docs) || !File.Exists(chromium))
        {
            Console.Error.WriteLine($"need the docs folder (--docs; found: {docs ?? "none"}) and Chromium (--chromium; {chromium})");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("web-page-").FullName;
        try
        {
            var store = Path.Combine(folder, "store");
            var files = Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories);
            await using (var rag = await LocalRag.OpenAsync(new LocalRagOptions { Store = store }))
            {
                await rag.Ingestion().IngestAsync(files, new IngestOptions { SourceBase = Path.GetDirectoryName(Path.GetFullPath(docs)) });
            }

            await using var server = GroundedServer.Build(["--store", store, "--urls", "http://127.0.0.1:0"]);
            await server.StartAsync();
            var url = server.Urls.First();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Flags });

            await LoadAsync(browser, url + "/#/chat", chat: true); // warm-up: the server's first requests (JIT, the store's open) are not a visitor's
            var first = new List<Load>();
            var repeat = new List<Load>();
            var baseline = new List<Load>();
            for (var i = 0; i < runs; i++)
            {
                var (cold, warm) = await LoadTwiceAsync(browser, url + "/#/chat");
                first.Add(cold);
                repeat.Add(warm);
                baseline.Add(await LoadAsync(browser, url + "/favicon.svg", chat: false));
            }

            Report(runs, files.Length, first, repeat, baseline, options.Get("json"));
            await server.StopAsync();
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Load> LoadAsync(IBrowser browser, string url, bool chat)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        return await VisitAsync(page, url, chat);
    }

    // A first visit, then the same page again in the same context (its files revalidated: 304s).
    private static async Task<(Load First, Load Repeat)> LoadTwiceAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var first = await VisitAsync(await context.NewPageAsync(), url, chat: true);
        var repeat = await VisitAsync(await context.NewPageAsync(), url, chat: true);
        return (first, repeat);
    }

    private static async Task<Load> VisitAsync(IPage page, string url, bool chat)
    {
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (chat)
        {
            // The mark is set when the question box is enabled; the data call's timing entry lands just after its body is read.
            await page.WaitForFunctionAsync("() => performance.getEntriesByName('grounded:interactive').length > 0 && performance.getEntriesByType('resource').some(e => e.name.includes('/v1/models'))");
        }

        var load = (await page.EvaluateAsync<JsonElement>(Measure)).Deserialize<Load>(Web)!;
        await page.CloseAsync();
        return load;
    }

    private static void Report(int runs, int documents, List<Load> first, List<Load> repeat, List<Load> baseline, string? json)
    {
        var machine = $"{Environment.ProcessorCount} cores, {CpuModel()}";
        Console.WriteLine($"web-page: {runs} runs, chat page over the bundled docs ({documents} files), headless Chromium; {machine}");
        Console.WriteLine($"{"load",-34} {"requests",9} {"wire KB",9} {"body KB",9} {"decoded KB",11} {"API KB",8} {"interactive p50/p95 ms",24} {"load p50/p95 ms",18}");
        Row("chat, first visit (nothing cached)", first, interactive: true);
        Row("chat, repeat visit (revalidated)", repeat, interactive: true);
        Row("baseline: /favicon.svg navigation", baseline, interactive: false);
        if (json is not null)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(new
            {
                runs, documents, machine,
                first = Summary(first), repeat = Summary(repeat), baseline = Summary(baseline),
            }, Indented));
        }
    }

    private static object Summary(List<Load> loads) => new
    {
        requests = loads[0].Requests, apiRequests = loads[0].ApiRequests,
        transferBytes = Of(loads, l => l.Transfer), encodedBytes = Of(loads, l => l.Encoded), decodedBytes = Of(loads, l => l.Decoded),
        apiTransferBytes = Of(loads, l => l.ApiTransfer), interactiveMs = Of(loads, l => l.InteractiveMs), loadMs = Of(loads, l => l.LoadMs),
    };

    private static void Row(string name, List<Load> loads, bool interactive)
    {
        var ms = Of(loads, l => l.InteractiveMs);
        var load = Of(loads, l => l.LoadMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {loads[0].Requests,9} {Of(loads, l => l.Transfer).P50 / 1024,9:0.0} {Of(loads, l => l.Encoded).P50 / 1024,9:0.0} {Of(loads, l => l.Decoded).P50 / 1024,11:0.0} {Of(loads, l => l.ApiTransfer).P50 / 1024,8:0.0} {(interactive ? $"{ms.P50:0} / {ms.P95:0}" : "–"),24} {$"{load.P50:0} / {load.P95:0}",18}"));
    }

    private static Spread Of(List<Load> loads, Func<Load, double> value)
    {
        var sorted = loads.Select(value).Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Spread(At(0.50), At(0.95));
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    // The repository's docs/ folder: the bundled corpus, found above the harness's folder.
    private static string? FindDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grounded.slnx")) && Directory.Exists(Path.Combine(dir.FullName, "docs")))
            {
                return Path.Combine(dir.FullName, "docs");
            }
        }

        return null;
    }
}
