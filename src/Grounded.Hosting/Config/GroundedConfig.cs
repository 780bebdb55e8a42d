using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Grounded.Hosting.Config;

/// <summary>
/// Reads Grounded's configuration: the YAML file (models, fallbacks, resilience, auth, server, store, rag, redis, limits, budgets, guards, prompts, agents, alerts), then
/// <c>GROUNDED__</c> environment overrides, validated together so that every problem is listed at once. Hosts lay their
/// own flags over the result (<see cref="GroundedOptions"/>); nothing else reads configuration.
/// </summary>
public static class GroundedConfig
{
    /// <summary>The prefix of environment variables that override config values, e.g. <c>GROUNDED__MODELS__SMALL__ENDPOINT</c>.</summary>
    public const string EnvironmentPrefix = "GROUNDED__";

    /// <summary>The environment variable naming the config file when none is given.</summary>
    public const string FileVariable = "GROUNDED_CONFIG";

    /// <summary>The largest config file read (1 MB): a real one is a few KB, and a larger one is a mistake or an attack on the YAML parser.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>
    /// Loads the file at <paramref name="path"/> (else the one <c>GROUNDED_CONFIG</c> names, else none: defaults and
    /// environment only) and validates it; throws <see cref="ConfigException"/> listing every problem.
    /// </summary>
    public static GroundedOptions Load(string? path, IDictionary<string, string?>? environment = null)
    {
        environment ??= ReadEnvironment();
        path ??= environment.TryGetValue(FileVariable, out var named) && !string.IsNullOrWhiteSpace(named) ? named : null;
        if (path is null)
        {
            return Parse(string.Empty, environment, "configuration") with { ConfigFile = null };
        }

        return Read(path, environment).Options;
    }

    /// <summary>
    /// Reads and validates the file at <paramref name="path"/> with the environment's overrides, keeping what each setting
    /// says so that a later reading can be compared (<see cref="ConfigReading.ChangedIn"/>); throws <see cref="ConfigException"/> listing every problem.
    /// </summary>
    public static ConfigReading Read(string path, IDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ConfigException($"config file not found: {path}");
        }

        if (new FileInfo(path).Length is var length and > MaxFileBytes)
        {
            throw new ConfigException($"config file {path} is {length} bytes; the limit is {MaxFileBytes} bytes (1 MB)");
        }

        var (document, options) = ParseDocument(File.ReadAllText(path), environment ?? ReadEnvironment(), path);
        return new ConfigReading(options with { ConfigFile = path }, ConfigReading.Settings(document));
    }

    /// <summary>Parses and validates YAML text; throws <see cref="ConfigException"/> listing every problem.</summary>
    public static GroundedOptions Parse(string yaml, IDictionary<string, string?>? environment = null, string source = "config") =>
        ParseDocument(yaml, environment, source).Options;

    private static (ConfigDocument Document, GroundedOptions Options) ParseDocument(string yaml, IDictionary<string, string?>? environment, string source)
    {
        ConfigDocument document;
        try
        {
            document = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<ConfigDocument?>(yaml) ?? new ConfigDocument();
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            throw new ConfigException($"{source}: line {e.Start.Line}: {message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser throws this for some malformed streams (text after a "..." document end marker).
            throw new ConfigException($"{source}: not valid YAML: {e.Message}", e);
        }

        environment ??= new Dictionary<string, string?>();
        var problems = new List<string>();
        ConfigNulls.Fill(document, string.Empty, problems);
        LegacyVariables.Apply(document, environment, problems); // above the file, below GROUNDED__ overrides
        foreach (var (key, value) in environment)
        {
            if (key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && value is not null)
            {
                EnvironmentOverrides.Apply(document, key[EnvironmentPrefix.Length..], value, problems);
            }
        }

        var gateway = GatewayConfigValidator.Validate(document, problems);
        var (rag, topK, model) = RagConfigValidator.Validate(document, environment, problems);
        if (model is not null && !document.Models.Any(m => m.Name == model) && !document.Routes.ContainsKey(model) && gateway?.FindRoute(model) is null)
        {
            problems.Add($"rag.model: '{model}' is not a configured model or route");
        }

        var (redis, onFailure) = LimitsConfig.Validate(document, environment, problems);
        var cache = CacheConfig.Validate(document.Cache, problems);
        var budgets = BudgetsConfig.Validate(document, problems);
        var guards = GuardsConfig.Validate(document, problems);
        var retrievalGuards = RetrievalGuardsConfig.Validate(document, problems);
        var (grounding, judge) = GroundingConfig.Validate(document, problems);
        var prompts = PromptsConfig.Validate(document.Prompts, environment, problems);
        var agents = AgentsConfig.Validate(document.Agents, environment, problems);
        var (feedback, monitoring) = MonitoringConfig.Validate(document, problems);
        var alerts = AlertsConfig.Validate(document.Alerts, problems);
        var shutdown = ShutdownConfig.Validate(document.Server, problems);
        if (problems.Count > 0)
        {
            throw new ConfigException($"{source} is invalid:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
            {
                Problems = problems,
            };
        }

        return (document, new GroundedOptions { Rag = rag with { Grounding = grounding, RetrievalGuards = retrievalGuards }, GroundingJudge = judge, Gateway = gateway!, TopK = topK, AskModel = model, Redis = redis, OnRedisFailure = onFailure, Cache = cache, Budgets = budgets, Guards = guards, Prompts = prompts, AgentsDirectory = agents, QueryLog = document.Evaluation.QueryLog ?? true, Feedback = feedback, Monitoring = monitoring, Alerts = alerts, Shutdown = shutdown });
    }

    private static Dictionary<string, string?> ReadEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(k => k, Environment.GetEnvironmentVariable);
}
