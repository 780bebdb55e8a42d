using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>The guards that apply to a request (a null guard is off), as configured for its model or route.</summary>
public sealed record GuardPolicy
{
    /// <summary>A policy with every guard off.</summary>
    public static readonly GuardPolicy None = new();

    /// <summary>Gets the PII guard.</summary>
    public PiiGuardOptions? Pii { get; init; }

    /// <summary>Gets the prompt-injection guard.</summary>
    public InjectionGuardOptions? Injection { get; init; }

    /// <summary>Gets the topic policy.</summary>
    public TopicGuardOptions? Topics { get; init; }

    /// <summary>Gets the profanity and toxicity lexicon guard.</summary>
    public ToxicityGuardOptions? Toxicity { get; init; }

    /// <summary>Gets the JSON-schema guard of answers.</summary>
    public SchemaGuardOptions? Schema { get; init; }

    /// <summary>Gets moderation with a model.</summary>
    public ModerationGuardOptions? Moderation { get; init; }

    /// <summary>Gets the tools allowlist.</summary>
    public ToolsGuardOptions? Tools { get; init; }

    /// <summary>Gets whether every guard is off (a request then goes through untouched, and no refusal is counted).</summary>
    public bool IsEmpty => Pii is null && Injection is null && Topics is null && Toxicity is null && Schema is null && Moderation is null && Tools is null;

    /// <summary>Returns every problem with the policy's values, each prefixed with <paramref name="at"/> (<c>guards</c>, <c>models.small.guards</c>).</summary>
    public IReadOnlyList<string> Validate(string at, Func<string, bool>? isModel = null)
    {
        var problems = new List<string>();
        Check(Pii?.Mode, [GuardMode.Redact, GuardMode.Pseudonymize, GuardMode.Flag, GuardMode.Block], $"{at}.pii.mode", problems);
        foreach (var type in Pii?.Types?.Where(t => !PiiGuardOptions.KnownTypes.Contains(t)) ?? [])
        {
            problems.Add($"{at}.pii.types: '{type}' is not an entity type (expected {string.Join(", ", PiiGuardOptions.KnownTypes)})");
        }

        Check(Injection?.Mode, [GuardMode.Block, GuardMode.Flag], $"{at}.injection.mode", problems);
        if (Injection?.Threshold is { } threshold && !(threshold is > 0 and < 1))
        {
            problems.Add($"{at}.injection.threshold must be above 0 and below 1 (got {threshold})");
        }

        if (Topics is { } topics)
        {
            ValidateTopics(topics, $"{at}.topics", problems);
        }

        Check(Toxicity?.Mode, [GuardMode.Block, GuardMode.Redact, GuardMode.Flag], $"{at}.toxicity.mode", problems);
        if (Toxicity is { Input: false, Output: false })
        {
            problems.Add($"{at}.toxicity checks neither input nor output (set input or output to true, or mode: off)");
        }

        if (Moderation is { } moderation)
        {
            ValidateModeration(moderation, $"{at}.moderation", isModel, problems);
        }

        if (Tools?.Allow.Any(string.IsNullOrWhiteSpace) == true)
        {
            problems.Add($"{at}.tools.allow: a tool name is empty");
        }

        return problems;
    }

    private static void ValidateTopics(TopicGuardOptions topics, string at, List<string> problems)
    {
        Check(topics.Mode, [GuardMode.Block, GuardMode.Flag], $"{at}.mode", problems);
        if (topics.Allowed.Count == 0 && topics.Denied.Count == 0)
        {
            problems.Add($"{at}: no allowed and no denied topics (describe at least one with example sentences)");
        }

        foreach (var (name, examples) in topics.Allowed.Select(t => ("allowed." + t.Key, t.Value)).Concat(topics.Denied.Select(t => ("denied." + t.Key, t.Value))))
        {
            if (examples.Count == 0 || examples.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{at}.{name}: a topic needs example sentences, none empty");
            }
        }

        foreach (var (name, value) in new[] { ("allowedAbove", topics.AllowedAbove), ("deniedAbove", topics.DeniedAbove) })
        {
            if (!(value is > 0 and < 1))
            {
                problems.Add($"{at}.{name} must be above 0 and below 1 (got {value})");
            }
        }

        if (string.IsNullOrWhiteSpace(topics.Refusal))
        {
            problems.Add($"{at}.refusal is empty");
        }
    }

    private static void ValidateModeration(ModerationGuardOptions moderation, string at, Func<string, bool>? isModel, List<string> problems)
    {
        Check(moderation.Mode, [GuardMode.Block, GuardMode.Flag], $"{at}.mode", problems);
        if (string.IsNullOrWhiteSpace(moderation.Model))
        {
            problems.Add($"{at}.model is required (a configured model that classifies)");
        }
        else if (isModel is not null && !isModel(moderation.Model))
        {
            problems.Add($"{at}.model: '{moderation.Model}' is not a configured model");
        }

        if (moderation is { Input: false, Output: false })
        {
            problems.Add($"{at} checks neither input nor output (set input or output to true)");
        }

        foreach (var category in moderation.Categories?.Where(c => !ModerationPolicy.Categories.Contains(c)) ?? [])
        {
            problems.Add($"{at}.categories: '{category}' is not a category of the policy {ModerationPolicy.Version} (expected {string.Join(", ", ModerationPolicy.Categories)})");
        }
    }

    private static void Check(GuardMode? mode, GuardMode[] allowed, string at, List<string> problems)
    {
        if (mode is { } m && !allowed.Contains(m))
        {
            problems.Add($"{at}: '{m.ToString().ToLowerInvariant()}' is not a mode of this guard (expected {string.Join(", ", allowed.Select(a => a.ToString().ToLowerInvariant()))}, or off)");
        }
    }
}
