// Gateway overhead: the same fixed-rate load against the scripted upstream directly and through grounded serve's
// /v1/chat/completions, in one run. See docs/benchmarks.md, "Gateway overhead".
// Run: dotnet run -c Release --project bench/Grounded.Bench.Gateway -- [--rate 500] [--seconds 5] [--rounds 3] [--ramp 1000,1500,2000]
//      [--cli PATH/grounded.dll] [--server-logs null (to /dev/null instead of drained by this process)]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grounded.Bench;
using Grounded.Bench.Gateway;
using Grounded.Testing.Upstream;

var a = Args.Parse(args);
var rate = a.GetInt("rate", 500);
var seconds = TimeSpan.FromSeconds(a.GetInt("seconds", 5));
var rounds = a.GetInt("rounds", 3);
var ramp = a.Get("ramp", "1000,1500,2000,2500,3000").Split(',').Select(int.Parse).ToArray();
var cli = Path.GetFullPath(a.Get("cli", "src/Grounded.Cli/bin/Release/net10.0/grounded.dll"));
if (!File.Exists(cli))
{
    Console.Error.WriteLine($"error: {cli} not found: dotnet build -c Release src/Grounded.Cli first, or pass --cli PATH");
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
await using var server = await ServerProcess.StartAsync(cli, config, Path.Combine(work, "home"), a.Get("server-logs") == "null");
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) };
var load = new OpenLoop(client);
const string Prompt = "Summarise in one sentence why a gateway between applications and model providers is useful.";
byte[] Body(string model, bool stream) => Encoding.UTF8.GetBytes($$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"{{Prompt}}"}]}""");
var direct = new Uri(upstream.Endpoint + "/chat/completions");
var gateway = new Uri(server.Url, "/v1/chat/completions");

await Task.Delay(2000);
var idle = server.Memory();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; server RSS idle {idle.Rss:0} MiB");

// Warm-up: JIT tiers, connection pools, both paths.
foreach (var (target, url, model) in new[] { ("direct", direct, "small-model"), ("gateway", gateway, "small") })
{
    await load.RunAsync(target, url, Body(model, false), false, rate, seconds);
    await load.RunAsync(target, url, Body(model, true), true, rate / 2, seconds);
}

// Steady rate: rounds alternate direct and gateway, so that noise from elsewhere on the machine falls on both.
var results = new Dictionary<string, List<Phase>>();
var peakRss = 0.0;
var gatewayCpu = TimeSpan.Zero;
var gatewayTime = TimeSpan.Zero;
for (var r = 0; r < rounds; r++)
{
    foreach (var stream in new[] { false, true })
    {
        Add($"direct{(stream ? "-stream" : "")}", await load.RunAsync("direct", direct, Body("small-model", stream), stream, rate, seconds));
        using var sampler = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!sampler.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, server.Memory().Rss);
                await Task.Delay(250).ConfigureAwait(false);
            }
        });
        var clock = Stopwatch.StartNew();
        var cpu = server.CpuTime;
        Add($"gateway{(stream ? "-stream" : "")}", await load.RunAsync("gateway", gateway, Body("small", stream), stream, rate, seconds));
        if (!stream)
        {
            gatewayTime += clock.Elapsed;
            gatewayCpu += server.CpuTime - cpu; // server CPU spent on the non-streaming gateway phases only
        }

        await sampler.CancelAsync();
        await sampling;
    }
}

Console.WriteLine();
Console.WriteLine($"## {rate} RPS, {rounds} rounds of {seconds.TotalSeconds:0} s per path, alternating");
Console.WriteLine("| path | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | sender lag p99 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
var merged = results.ToDictionary(p => p.Key, p => Phase.Merge(p.Value));
foreach (var (name, p) in merged)
{
    var lat = name.EndsWith("-stream", StringComparison.Ordinal) ? "total " : string.Empty;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} ({lat}latency) | {p.Sent} | {p.Errors} | {p.P(0.5):0.00} | {p.P(0.9):0.00} | {p.P(0.99):0.00} | {p.P(0.999):0.00} | {p.P(1):0.00} | {p.Lag(0.99):0.00} |"));
}

foreach (var name in new[] { "direct-stream", "gateway-stream" })
{
    var p = merged[name];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} (time to first token) | {p.Sent} | {p.Errors} | {p.Ttft(0.5):0.00} | {p.Ttft(0.9):0.00} | {p.Ttft(0.99):0.00} | {p.Ttft(0.999):0.00} | {p.Ttft(1):0.00} | |"));
}

var (d, g, ds, gs) = (merged["direct"], merged["gateway"], merged["direct-stream"], merged["gateway-stream"]);

// Per round: the two paths ran back to back, so their difference within a round shares that round's noise; the
// median over rounds of those differences resists the stalls other processes cause on a shared machine.
Console.WriteLine();
Console.WriteLine("| round | direct p50 / p99 ms | gateway p50 / p99 ms | added p50 / p99 ms | added TTFT p50 / p99 ms |");
Console.WriteLine("|---:|---:|---:|---:|---:|");
var added50 = new List<double>();
var added99 = new List<double>();
var addedTtft50 = new List<double>();
var addedTtft99 = new List<double>();
for (var r = 0; r < rounds; r++)
{
    var (rd, rg, rds, rgs) = (results["direct"][r], results["gateway"][r], results["direct-stream"][r], results["gateway-stream"][r]);
    added50.Add(rg.P(0.5) - rd.P(0.5));
    added99.Add(rg.P(0.99) - rd.P(0.99));
    addedTtft50.Add(rgs.Ttft(0.5) - rds.Ttft(0.5));
    addedTtft99.Add(rgs.Ttft(0.99) - rds.Ttft(0.99));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r + 1} | {rd.P(0.5):0.00} / {rd.P(0.99):0.00} | {rg.P(0.5):0.00} / {rg.P(0.99):0.00} | {added50[^1]:0.00} / {added99[^1]:0.00} | {addedTtft50[^1]:0.00} / {addedTtft99[^1]:0.00} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added latency, median of rounds: p50 {Phase.Percentile([.. added50], 0.5):0.00} ms, p99 {Phase.Percentile([.. added99], 0.5):0.00} ms; TTFT p50 {Phase.Percentile([.. addedTtft50], 0.5):0.00} ms, p99 {Phase.Percentile([.. addedTtft99], 0.5):0.00} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quietest round of each path: direct p99 {results["direct"].Min(x => x.P(0.99)):0.00} ms, gateway p99 {results["gateway"].Min(x => x.P(0.99)):0.00} ms"));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added latency (gateway − direct) at {rate} RPS: p50 {g.P(0.5) - d.P(0.5):0.00} ms, p99 {g.P(0.99) - d.P(0.99):0.00} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added time to first token (streaming) at {rate} RPS: p50 {gs.Ttft(0.5) - ds.Ttft(0.5):0.00} ms, p99 {gs.Ttft(0.99) - ds.Ttft(0.99):0.00} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server RSS: idle {idle.Rss:0} MiB, under load peak {peakRss:0} MiB (VmHWM {server.Memory().Peak:0} MiB); server CPU on the non-streaming gateway phases {gatewayCpu.TotalSeconds / Math.Max(gatewayTime.TotalSeconds, 1e-9) * 100:0}% of one core"));

// Ramp: the highest rate the gateway sustains, a step at a time: no errors, p99 under 100 ms (no queue building up),
// and at least 98% of the offered rate completed within the step. The sender's lag is shown, not judged: on a busy
// machine the generator itself falls behind, and the direct path at the same step shows how far.
Console.WriteLine();
Console.WriteLine($"## ramp, {seconds.TotalSeconds:0} s per step and path");
Console.WriteLine("| RPS | path | achieved RPS | errors | p50 ms | p99 ms | sender lag p99 ms | sustained |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---|");
int? best = null;
foreach (var step in ramp)
{
    var okGateway = false;
    foreach (var (target, url, model) in new[] { ("direct", direct, "small-model"), ("gateway", gateway, "small") })
    {
        var p = await load.RunAsync(target, url, Body(model, false), false, step, seconds);
        var sustained = Sustained(p, step);
        if (!sustained)
        {
            // A stall from elsewhere on the machine can sink one step; saturation sinks it twice.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {target} (first try) | {p.AchievedRps:0} | {p.Errors} | {p.P(0.5):0.00} | {p.P(0.99):0.00} | {p.Lag(0.99):0.00} | no |"));
            p = await load.RunAsync(target, url, Body(model, false), false, step, seconds);
            sustained = Sustained(p, step);
        }

        okGateway = target == "gateway" ? sustained : okGateway;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {target} | {p.AchievedRps:0} | {p.Errors} | {p.P(0.5):0.00} | {p.P(0.99):0.00} | {p.Lag(0.99):0.00} | {(sustained ? "yes" : "no")} |"));
    }

    if (!okGateway)
    {
        break;
    }

    best = step;
}

Console.WriteLine();
Console.WriteLine($"highest sustained rate through the gateway: {(best is null ? "below the first step" : $"{best} RPS")} (server log lines drained: {server.LogLines})");
Directory.Delete(work, recursive: true);
return 0;

static bool Sustained(Phase p, int step) => p.Errors == 0 && p.P(0.99) < 100 && p.AchievedRps >= 0.98 * step;

void Add(string key, Phase phase)
{
    if (!results.TryGetValue(key, out var list))
    {
        results[key] = list = [];
    }

    list.Add(phase);
}
