using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Grounded.Gateway.Config;

/// <summary>Reads the gateway's YAML file, applies <c>GROUNDED__</c> environment overrides, and validates the result.</summary>
public static class GatewayConfigLoader
{
    /// <summary>The prefix of environment variables that override config values, e.g. <c>GROUNDED__MODELS__SMALL__ENDPOINT</c>.</summary>
    public const string EnvironmentPrefix = "GROUNDED__";

    /// <summary>Loads and validates the file; throws <see cref="GatewayConfigException"/> listing every problem.</summary>
    public static GatewayOptions Load(string path, IDictionary<string, string?>? environment = null)
    {
        if (!File.Exists(path))
        {
            throw new GatewayConfigException($"config file not found: {path}");
        }

        return Parse(File.ReadAllText(path), environment ?? ReadEnvironment(), path);
    }

    /// <summary>Parses and validates YAML text; throws <see cref="GatewayConfigException"/> listing every problem.</summary>
    public static GatewayOptions Parse(string yaml, IDictionary<string, string?>? environment = null, string source = "config")
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
            throw new GatewayConfigException($"{source}: line {e.Start.Line}: {message}", e);
        }

        var problems = new List<string>();
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && value is not null)
            {
                EnvironmentOverrides.Apply(document, key[EnvironmentPrefix.Length..], value, problems);
            }
        }

        var options = GatewayConfigValidator.Validate(document, problems);
        if (problems.Count > 0)
        {
            throw new GatewayConfigException($"{source} is invalid:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
            {
                Problems = problems,
            };
        }

        return options!;
    }

    private static Dictionary<string, string?> ReadEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(k => k, Environment.GetEnvironmentVariable);
}
