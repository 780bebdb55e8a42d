using Grounded.Rag.Prompts;
using YamlDotNet.RepresentationModel;

namespace Grounded.Agents.Definitions;

/// <summary>Reads <c>caps:</c> (<c>{ maxSteps: 3, maxUsd: 0.05, timeout: 60s }</c>), each cap checked against its range.</summary>
internal static class CapsReader
{
    public static AgentCaps Read(YamlMappingNode root, PromptYamlFields f, Action<string> problem)
    {
        var defaults = new AgentCaps();
        if (f.Map(root, "caps", "{maxSteps: 5, maxUsd: 0.05, timeout: 60s}") is not { } caps)
        {
            return defaults;
        }

        f.Known(caps, "caps.", "maxSteps", "maxUsd", "timeout", "toolTimeout", "maxRepeats", "maxResultChars", "maxOutputTokens");
        var steps = f.Integer(caps, "maxSteps", "caps.maxSteps");
        var usd = f.Number(caps, "maxUsd", "caps.maxUsd");
        var repeats = f.Integer(caps, "maxRepeats", "caps.maxRepeats");
        var chars = f.Integer(caps, "maxResultChars", "caps.maxResultChars");
        var output = f.Integer(caps, "maxOutputTokens", "caps.maxOutputTokens");
        if (output is < 1 or > 1_000_000)
        {
            problem($"{YamlLines.At(caps, "maxOutputTokens")}caps.maxOutputTokens must be between 1 and 1000000 (got {output})");
        }

        if (steps is < 1 or > 1000)
        {
            problem($"{YamlLines.At(caps, "maxSteps")}caps.maxSteps must be between 1 and 1000 (got {steps})");
        }

        if (usd is < 0 or > 10_000 || (usd is { } u && double.IsNaN(u)))
        {
            problem($"{YamlLines.At(caps, "maxUsd")}caps.maxUsd must be between 0 and 10000 dollars (got {usd})");
        }

        if (repeats is < 2)
        {
            problem($"{YamlLines.At(caps, "maxRepeats")}caps.maxRepeats must be at least 2 (the request that makes this many identical calls ends the run; got {repeats})");
        }

        if (chars is < 100 or > 1_000_000)
        {
            problem($"{YamlLines.At(caps, "maxResultChars")}caps.maxResultChars must be between 100 and 1000000 (got {chars})");
        }

        return new AgentCaps
        {
            MaxSteps = steps ?? defaults.MaxSteps,
            MaxUsd = usd is { } dollars && !double.IsNaN(dollars) && dollars is >= 0 and <= 10_000 ? (decimal)dollars : defaults.MaxUsd,
            Timeout = Duration(caps, f, "timeout", problem) ?? defaults.Timeout,
            ToolTimeout = Duration(caps, f, "toolTimeout", problem) ?? defaults.ToolTimeout,
            MaxRepeats = repeats ?? defaults.MaxRepeats,
            MaxResultChars = chars ?? defaults.MaxResultChars,
            MaxOutputTokens = output ?? defaults.MaxOutputTokens,
        };
    }

    /// <summary>Reads a duration field (<c>60s</c>, <c>2m</c>, <c>500ms</c>, or seconds); null when absent or (with a problem) invalid.</summary>
    public static TimeSpan? Duration(YamlMappingNode map, PromptYamlFields f, string name, Action<string> problem, string prefix = "caps.")
    {
        var text = f.Text(map, name, prefix + name);
        if (text is null)
        {
            return null;
        }

        if (!Durations.TryParse(text, out var value) || value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            problem($"{YamlLines.At(map, name)}{prefix}{name}: '{text}' is not a duration between 1ms and 1d (write e.g. 60s, 2m, 500ms)");
            return null;
        }

        return value;
    }
}
