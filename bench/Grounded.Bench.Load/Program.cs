// The load rig for "proof under load and faults": replicas of grounded serve on one PostgreSQL + pgvector store and one
// Redis, scripted providers with a model's latency, and an open-loop generator with the production mix.
// Run it through bench/load/run.sh, chaos.sh or soak.sh, which start the services and build the CLI first.
//   load  --replicas N --rate R --seconds S [--hit-rate 0.3] [--warmup 10] [--ramp 20,40,60 (rates, one phase each)]
//         [--mix chat=30,chat-stream=25,ask-model=15,ask=10,embeddings=19,upload=1] [--per-kind (each kind alone at --rate)] [--json]
//   chaos [--json] [--only fault,fault]
//   soak  --replicas N --rate R --minutes M [--sample-seconds 30] [--json]
// Common: --cli PATH/grounded.dll (default src/Grounded.Cli/bin/Release/net10.0/grounded.dll), --keep (keep the database and work directory)
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Bench;
using Grounded.Bench.Load;
using Grounded.Bench.Load.Chaos;
using Grounded.Bench.Load.Rig;

CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "load";
Args a;
try
{
    a = Args.Parse(args.SkipWhile(x => !x.StartsWith("--", StringComparison.Ordinal)).ToArray());
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"load: {e.Message}");
    return 1;
}

var repository = Path.GetFullPath(a.Get("repository", "."));
var cli = Path.GetFullPath(a.Get("cli", Path.Combine(repository, "src/Grounded.Cli/bin/Release/net10.0/grounded.dll")));
if (!File.Exists(cli))
{
    Console.Error.WriteLine($"load: {cli} not found: dotnet build -c Release src/Grounded.Cli first (run.sh does), or pass --cli PATH");
    return 1;
}

var json = a.Has("json");
void Say(string line) => Console.Error.WriteLine($"load: {line}");
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2048, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
try
{
    JsonNode result;
    switch (verb)
    {
        case "load":
        {
            var replicas = a.GetInt("replicas", 2);
            await using var cluster = await Cluster.StartAsync(repository, cli, replicas, new RigOptions { Keep = a.Has("keep") }, Say);
            var run = new LoadRun(cluster, client, Say);
            var hitRate = double.Parse(a.Get("hit-rate", "0.3"), CultureInfo.InvariantCulture);
            await run.WarmCacheAsync();
            var warmup = TimeSpan.FromSeconds(a.GetInt("warmup", 10));
            var weights = a.Get("mix") is { } m ? Grounded.Bench.Load.Traffic.Mix.ParseWeights(m) : null;
            if (a.Has("per-kind"))
            {
                // One phase per kind alone, no cache hits: what each costs, in CPU per request of each part of the system.
                var perKind = new JsonObject();
                var idle = await run.IdleCpuAsync(TimeSpan.FromSeconds(10));
                perKind["idleCpuMsPerSecond"] = new JsonObject(idle.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Math.Round(p.Value * 1000, 1))));
                var perKindRate = a.GetInt("rate", 5);
                foreach (var kind in Enum.GetValues<Grounded.Bench.Load.Traffic.Kind>())
                {
                    var phase = await run.RunAsync(perKindRate, TimeSpan.FromSeconds(a.GetInt("seconds", 20)), 0, TimeSpan.FromSeconds(3), new Dictionary<Grounded.Bench.Load.Traffic.Kind, int> { [kind] = 1 });
                    Say($"{Grounded.Bench.Load.Traffic.Summary.Name(kind)}: {Line(phase)}");
                    perKind[Grounded.Bench.Load.Traffic.Summary.Name(kind)] = new JsonObject
                    {
                        ["achievedRps"] = phase["achievedRps"]!.DeepClone(), ["p50Ms"] = phase["p50Ms"]!.DeepClone(), ["p99Ms"] = phase["p99Ms"]!.DeepClone(),
                        ["errors"] = phase["errors"]!.DeepClone(), ["cpuMsPerRequest"] = phase["cpuMsPerRequest"]!.DeepClone(),
                        // What the request itself costs: the phase's CPU per request less what the same time costs idle.
                        ["marginalCpuMsPerRequest"] = new JsonObject(idle.Select(p => KeyValuePair.Create(p.Key,
                            (JsonNode?)Math.Round(phase["cpuMsPerRequest"]![p.Key]!.GetValue<double>() - p.Value * 1000 / perKindRate, 1)))),
                    };
                }

                result = perKind;
            }
            else if (a.Get("ramp") is { } ramp)
            {
                var phases = new JsonArray();
                foreach (var step in ramp.Split(',').Select(int.Parse))
                {
                    var phase = await run.RunAsync(step, TimeSpan.FromSeconds(a.GetInt("seconds", 30)), hitRate, warmup, weights);
                    warmup = TimeSpan.FromSeconds(3);
                    phases.Add(phase);
                    Say(Line(phase));
                }

                result = phases;
            }
            else
            {
                result = await run.RunAsync(a.GetInt("rate", 50), TimeSpan.FromSeconds(a.GetInt("seconds", 30)), hitRate, warmup, weights);
                Say(Line(result));
            }

            break;
        }

        case "chaos":
            result = await new ChaosRun(repository, cli, client, Say).RunAsync(a.Get("only")?.Split(',') ?? []);
            break;
        case "soak":
        {
            await using var cluster = await Cluster.StartAsync(repository, cli, a.GetInt("replicas", 2), new RigOptions { Keep = a.Has("keep") }, Say);
            result = await new SoakRun(cluster, client, Say).RunAsync(a.GetInt("rate", 50), TimeSpan.FromMinutes(a.GetInt("minutes", 30)), TimeSpan.FromSeconds(a.GetInt("sample-seconds", 30)));
            break;
        }

        default:
            Console.Error.WriteLine($"load: unknown verb '{verb}' (load, chaos or soak)");
            return 1;
    }

    Console.WriteLine(json ? result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) : Text(result));
    return result is JsonArray faults && faults.Any(f => f?["passed"]?.GetValue<bool>() == false) ? 2 : 0;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or Npgsql.NpgsqlException or HttpRequestException)
{
    Console.Error.WriteLine($"load: error: {e.Message}");
    return 1;
}

static string Line(JsonNode r) =>
    $"{r["replicas"]} replicas at {r["rate"]}/s: achieved {r["achievedRps"]}/s, p50 {r["p50Ms"]} ms, p95 {r["p95Ms"]} ms, p99 {r["p99Ms"]} ms, errors {r["errors"]?.ToJsonString()}, cache hits {r["cacheHitRate"]}, CPU {r["cpuUtilisation"]}, ms CPU/request {r["cpuMsPerRequest"]?.ToJsonString()}, RSS {r["replicaRssMb"]?.ToJsonString()}";

static string Text(JsonNode result) => result.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
