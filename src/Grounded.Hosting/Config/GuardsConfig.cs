using Grounded.Gateway.Guard;
using Grounded.Guards;

namespace Grounded.Hosting.Config;

/// <summary>
/// Reads the guards (<c>guards:</c> at the top level, <c>models[].guards</c> and <c>routes.NAME.guards</c> to override it):
/// pii, injection, topics, toxicity, schema, moderation and tools. A guard named in an override replaces that guard's block
/// whole (<c>mode: off</c> turns it off there); the others are inherited. Every problem is listed, each where it was written.
/// Retrieval and grounding are read by their own features.
/// </summary>
internal static class GuardsConfig
{
    private const string Off = "off";

    private static readonly string[] Order = ["pii", "injection", "topics", "toxicity", "schema", "moderation", "tools"];

    public static GuardOptions Validate(ConfigDocument d, List<string> problems)
    {
        var models = d.Models.Select(m => m.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var top = Merge(GuardPolicy.None, d.Guards, "guards", models, problems);
        var overrides = new Dictionary<string, GuardPolicy>(StringComparer.Ordinal);
        foreach (var model in d.Models.Where(m => m.Guards is not null && !string.IsNullOrWhiteSpace(m.Name)))
        {
            overrides[model.Name!] = Merge(top, model.Guards!, $"models.{model.Name}.guards", models, problems);
        }

        foreach (var (name, route) in d.Routes.Where(r => r.Value?.Guards is not null))
        {
            overrides[name] = Merge(top, route!.Guards!, $"routes.{name}.guards", models, problems);
        }

        return new GuardOptions { Default = top, Overrides = overrides };
    }

    // The guards named in the block replace the inherited ones; only those are judged here (the inherited ones were, where written).
    private static GuardPolicy Merge(GuardPolicy inherited, GuardsDocument g, string at, HashSet<string> models, List<string> problems)
    {
        var found = new List<string>();
        var own = Read(g, at, found);
        found.AddRange(own.Validate(at, models.Contains));

        // Listed guard by guard, in the order of the docs, whichever check found them.
        problems.AddRange(found.OrderBy(p => Array.FindIndex(Order, guard => p.StartsWith($"{at}.{guard}", StringComparison.Ordinal))));
        return inherited with
        {
            Pii = g.Pii is null ? inherited.Pii : own.Pii,
            Injection = g.Injection is null ? inherited.Injection : own.Injection,
            Topics = g.Topics is null ? inherited.Topics : own.Topics,
            Toxicity = g.Toxicity is null ? inherited.Toxicity : own.Toxicity,
            Schema = g.Schema is null ? inherited.Schema : own.Schema,
            Moderation = g.Moderation is null ? inherited.Moderation : own.Moderation,
            Tools = g.Tools is null ? inherited.Tools : own.Tools,
        };
    }

    private static GuardPolicy Read(GuardsDocument g, string at, List<string> problems) =>
        new GuardPolicy
        {
            Pii = g.Pii is { } pii ? Pii(pii, $"{at}.pii", problems) : null,
            Injection = g.Injection is { } injection ? Injection(injection, $"{at}.injection", problems) : null,
            Topics = g.Topics is { } topics ? Topics(topics, $"{at}.topics", problems) : null,
            Toxicity = g.Toxicity is { } toxicity ? Toxicity(toxicity, $"{at}.toxicity", problems) : null,
            Schema = g.Schema is { } schema && schema.Enabled != false ? new SchemaGuardOptions { Repair = schema.Repair ?? true } : null,
            Moderation = g.Moderation is { } moderation ? Moderation(moderation, $"{at}.moderation", problems) : null,
            Tools = g.Tools is { } tools ? Tools(tools, $"{at}.tools", problems) : null,
        };

    private static PiiGuardOptions? Pii(PiiGuardDocument d, string at, List<string> problems)
    {
        var defaults = new PiiGuardOptions();
        return Mode(d.Mode, defaults.Mode, at, problems) is not { } mode ? null : new PiiGuardOptions
        {
            Mode = mode,
            Types = d.Types is null ? null : d.Types.Select(t => t.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            Output = d.Output ?? defaults.Output,
        };
    }

    private static InjectionGuardOptions? Injection(InjectionGuardDocument d, string at, List<string> problems) =>
        Mode(d.Mode, GuardMode.Block, at, problems) is { } mode ? new InjectionGuardOptions { Mode = mode, Threshold = d.Threshold } : null;

    private static TopicGuardOptions? Topics(TopicsGuardDocument d, string at, List<string> problems)
    {
        var defaults = new TopicGuardOptions();
        return Mode(d.Mode, defaults.Mode, at, problems) is not { } mode ? null : new TopicGuardOptions
        {
            Mode = mode,
            Allowed = d.Allowed.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)(t.Value ?? [])),
            Denied = d.Denied.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)(t.Value ?? [])),
            AllowedAbove = d.AllowedAbove ?? defaults.AllowedAbove,
            DeniedAbove = d.DeniedAbove ?? defaults.DeniedAbove,
            Refusal = d.Refusal ?? defaults.Refusal,
        };
    }

    private static ToxicityGuardOptions? Toxicity(ToxicityGuardDocument d, string at, List<string> problems)
    {
        var defaults = new ToxicityGuardOptions();
        return Mode(d.Mode, defaults.Mode, at, problems) is not { } mode ? null
            : new ToxicityGuardOptions { Mode = mode, Input = d.Input ?? defaults.Input, Output = d.Output ?? defaults.Output };
    }

    private static ModerationGuardOptions? Moderation(ModerationGuardDocument d, string at, List<string> problems)
    {
        if (Mode(d.Mode, GuardMode.Block, at, problems) is not { } mode)
        {
            return null;
        }

        var closed = d.OnFailure?.Trim().ToLowerInvariant() switch
        {
            null or "open" => false,
            "closed" => true,
            _ => Problem(false, $"{at}.onFailure: '{d.OnFailure}' is not open or closed", problems),
        };
        return new ModerationGuardOptions
        {
            Model = d.Model ?? string.Empty,
            Mode = mode,
            Input = d.Input ?? true,
            Output = d.Output ?? false,
            Categories = d.Categories?.Select(c => c.Trim().ToLowerInvariant()).ToList(),
            FailClosed = closed,
        };
    }

    private static ToolsGuardOptions Tools(ToolsGuardDocument d, string at, List<string> problems)
    {
        if (d.Allow is null)
        {
            problems.Add($"{at}.allow is required: the tools a request may declare or call ([] allows none)");
        }

        return new ToolsGuardOptions { Allow = (d.Allow ?? []).Select(t => t?.Trim() ?? string.Empty).ToHashSet(StringComparer.Ordinal) };
    }

    // null for off; a word that is no mode at all is reported here, a mode the guard does not have by GuardPolicy.Validate.
    private static GuardMode? Mode(string? text, GuardMode fallback, string at, List<string> problems)
    {
        var word = text?.Trim().ToLowerInvariant();
        return word switch
        {
            null => fallback,
            Off => null,
            "redact" => GuardMode.Redact,
            "pseudonymize" or "pseudonymise" => GuardMode.Pseudonymize,
            "flag" => GuardMode.Flag,
            "block" => GuardMode.Block,
            _ => Problem<GuardMode?>(fallback, $"{at}.mode: '{text}' is not a mode (expected block, redact, pseudonymize, flag or off)", problems),
        };
    }

    private static T Problem<T>(T value, string problem, List<string> problems)
    {
        problems.Add(problem);
        return value;
    }
}
