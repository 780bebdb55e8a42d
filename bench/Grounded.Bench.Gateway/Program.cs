// Gateway overhead: the same fixed-rate load against the scripted upstream directly and through grounded serve's
// /v1/chat/completions, in one run; with --baseline-cli, through a second (earlier) build as well, in the same rounds.
// See docs/benchmarks.md, "Gateway overhead".
// Run: dotnet run -c Release --project bench/Grounded.Bench.Gateway -- [--rate 500] [--seconds 5] [--rounds 3 (0: ramp only)]
//      [--ramp 1000,1500,2000 | --ramp none] [--cli PATH/grounded.dll] [--baseline-cli PATH/grounded.dll]
//      [--server-logs null (to /dev/null instead of drained by this process)]
//      [--monitoring-cost: two servers of the same build, metrics and alert evaluation off ("monitoring-off") and on
//       ("monitoring-on": /metrics scraped every --scrape-seconds (5), alert rules evaluated every --alert-interval (5s; "off"
//       to measure the metrics alone), a webhook sink), CPU per 1,000 requests compared in the same rounds; see
//       docs/benchmarks.md, "Monitoring cost"]
using System.Globalization;
using Grounded.Bench;
using Grounded.Bench.Gateway;
using Grounded.Testing.Upstream;

// Figures print with '.' decimals whatever the machine's locale.
CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var a = Args.Parse(args);
var rate = a.GetInt("rate", 500);
var seconds = TimeSpan.FromSeconds(a.GetInt("seconds", 5));
var rounds = a.GetInt("rounds", 3);
var rampArg = a.Get("ramp", "1000,1500,2000,2500,3000");
var ramp = rampArg == "none" ? [] : rampArg.Split(',').Select(int.Parse).ToArray();
var cli = Path.GetFullPath(a.Get("cli", "src/Grounded.Cli/bin/Release/net10.0/grounded.dll"));
var monitoringCost = a.Has("monitoring-cost");
var baselineCli = a.Get("baseline-cli") is { } b ? Path.GetFullPath(b) : monitoringCost ? cli : null;
foreach (var dll in new[] { cli, baselineCli }.OfType<string>().Where(d => !File.Exists(d)))
{
    Console.Error.WriteLine($"error: {dll} not found: dotnet build -c Release src/Grounded.Cli first, or pass --cli / --baseline-cli PATH");
    return 1;
}

var work = Directory.CreateTempSubdirectory("grounded-gw-bench-").FullName;
await using var upstream = await ScriptableUpstream.StartAsync("small");
upstream.KeepBodies = false;
var config = Path.Combine(work, "grounded.yaml");
await File.WriteAllTextAsync(config, $"""
    models:
      - name: small
        provider: openai
        endpoint: {upstream.Endpoint}
        model: small-model
        contextWindow: 128000
        maxOutputTokens: 16384
    resilience:
      retry: {"{"} maxAttempts: 3, baseDelay: 1s, maxDelay: 60s, jitter: 0.5 {"}"}
      circuitBreaker: {"{"} failureThreshold: 5, breakDuration: 30s {"}"}
      attemptTimeout: 60s
    """);
var discardLogs = a.Get("server-logs") == "null";
var (baselineConfig, serverConfig) = (config, config);
var scrapes = 0;
var scrapeSeconds = a.GetInt("scrape-seconds", 5);
await using var sink = monitoringCost ? await WebhookSink.StartAsync() : null;
if (sink is not null)
{
    (baselineConfig, serverConfig) = (config + ".off.yaml", config + ".on.yaml");
    var models = await File.ReadAllTextAsync(config);
    await File.WriteAllTextAsync(baselineConfig, models + "\nmonitoring: { metrics: false }\nalerts: { enabled: false }\n");
    var alertInterval = a.Get("alert-interval", "5s");
    await File.WriteAllTextAsync(serverConfig, models + (alertInterval == "off"
        ? "\nalerts: { enabled: false }\n"
        : $"\nalerts: {{ webhooks: [ \"{sink.Url}\" ], interval: {alertInterval} }}\n"));
}

// Both builds take the same config; each gets its own store directory (GROUNDED_HOME), so neither sees the other's.
await using var baselineServer = baselineCli is null ? null : await ServerProcess.StartAsync(baselineCli, baselineConfig, Path.Combine(work, "home-baseline"), discardLogs);
await using var server = await ServerProcess.StartAsync(cli, serverConfig, Path.Combine(work, "home"), discardLogs);
using var scraping = new CancellationTokenSource();
var scraper = sink is null ? Task.CompletedTask : ScrapeAsync(server.Url, scraping.Token);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) };
var load = new OpenLoop(client);
var direct = new Target("direct", new Uri(upstream.Endpoint + "/chat/completions"), "small-model", null);
var gateway = new Target("gateway", new Uri(server.Url, "/v1/chat/completions"), "small", server);
if (monitoringCost)
{
    gateway = gateway with { Name = "monitoring-on" };
}

var baselineName = monitoringCost ? "monitoring-off" : "baseline";
Target[] targets = baselineServer is null ? [direct, gateway] : [direct, new Target(baselineName, new Uri(baselineServer!.Url, "/v1/chat/completions"), "small", baselineServer), gateway];

await Task.Delay(2000);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at start {LoadAverage()}");
Console.WriteLine($"gateway: {cli}");
if (baselineCli is not null)
{
    Console.WriteLine($"baseline: {baselineCli}");
}

var run = new Rounds(load, targets);
await run.WarmUpAsync(rate, seconds);
if (rounds > 0)
{
    await run.RunAsync(rounds, rate, seconds);
    Report.Print(run, targets, rate, rounds, seconds);
    Console.WriteLine($"load average at the end of the {rate} RPS rounds: {LoadAverage()}");
}
if (ramp.Length > 0)
{
    await RampAsync();
}

await scraping.CancelAsync();
await scraper;
if (sink is not null)
{
    Console.WriteLine($"monitoring-on: /metrics scraped {scrapes} times; the webhook sink received {sink.Received} alerts");
}

Directory.Delete(work, recursive: true);
return 0;

// A Prometheus server's part of the metrics cost: a scrape every --scrape-seconds (5 by default: three times the usual 15 s).
async Task ScrapeAsync(Uri url, CancellationToken ct)
{
    using var scrape = new HttpClient();
    while (!ct.IsCancellationRequested)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(scrapeSeconds), ct);
            (await scrape.GetAsync(new Uri(url, "/metrics"), ct)).EnsureSuccessStatusCode();
            scrapes++;
        }
        catch (OperationCanceledException)
        {
            return;
        }
    }
}

// Ramp, current build only: the highest rate the gateway sustains, a step at a time: no errors, p99 under 100 ms (no
// queue building up), and at least 98% of the offered rate completed within the step. The sender's lag is shown, not
// judged: on a busy machine the generator itself falls behind, and the direct path at the same step shows how far.
async Task RampAsync()
{
    Console.WriteLine();
    Console.WriteLine($"## ramp, {seconds.TotalSeconds:0} s per step and path");
    Console.WriteLine("| RPS | path | achieved RPS | errors | p50 ms | p99 ms | sender lag p99 ms | sustained |");
    Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---|");
    int? best = null;
    foreach (var step in ramp)
    {
        var okGateway = false;
        foreach (var target in new[] { direct, gateway })
        {
            var p = await load.RunAsync(target.Name, target.Url, target.Body(false), false, step, seconds);
            var sustained = Sustained(p, step);
            if (!sustained)
            {
                // A stall from elsewhere on the machine can sink one step; saturation sinks it twice.
                Console.WriteLine($"| {step} | {target.Name} (first try) | {p.AchievedRps:0} | {p.Errors} | {p.P(0.5):0.00} | {p.P(0.99):0.00} | {p.Lag(0.99):0.00} | no |");
                p = await load.RunAsync(target.Name, target.Url, target.Body(false), false, step, seconds);
                sustained = Sustained(p, step);
            }

            okGateway = target == gateway ? sustained : okGateway;
            Console.WriteLine($"| {step} | {target.Name} | {p.AchievedRps:0} | {p.Errors} | {p.P(0.5):0.00} | {p.P(0.99):0.00} | {p.Lag(0.99):0.00} | {(sustained ? "yes" : "no")} |");
        }

        if (!okGateway)
        {
            break;
        }

        best = step;
    }

    Console.WriteLine();
    Console.WriteLine($"highest sustained rate through the gateway: {(best is null ? "below the first step" : $"{best} RPS")} (server log lines drained: {server.LogLines}; load average {LoadAverage()})");
}

static bool Sustained(Phase p, int step) => p.Errors == 0 && p.P(0.99) < 100 && p.AchievedRps >= 0.98 * step;

// The machine is shared: a run whose load average is high measures the machine, not the gateway.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
