using System.Globalization;
using Grounded.Prompts;

namespace Grounded.Cli.Commands;

/// <summary>How the <c>grounded prompts</c> verbs show a prompt version: as JSON (snake_case parameter names, as in the file) and as the file's fields.</summary>
internal static class PromptsOutput
{
    public static object Json(PromptVersion p, string? environment = null, PromptActivation? active = null, string? why = null) => new
    {
        id = p.Id,
        version = p.Version.ToString(),
        reference = p.Reference,
        author = p.Author,
        description = p.Description,
        model = p.Model,
        parameters = new { temperature = p.Parameters.Temperature, top_p = p.Parameters.TopP, max_tokens = p.Parameters.MaxTokens },
        variables = p.Variables,
        template = new { system = p.Template.System, user = p.Template.User },
        evaluation = p.Evaluation is { } e ? new { dataset = e.Dataset, metric = e.Metric, score = e.Score } : null,
        source = p.Source,
        environment,
        active = active is null ? null : Activation(active),
        why,
    };

    public static object Activation(PromptActivation a) => new
    {
        id = a.Id, environment = a.Environment, version = a.Version, action = a.Action, previous = a.Previous, at = a.At, actor = a.Actor, origin = a.Origin,
        forced = a.Forced, metric = a.Metric, score = a.Score, previous_score = a.PreviousScore,
    };

    /// <summary>Returns the version's fields as the lines of its file, by field, for show and diff.</summary>
    public static IReadOnlyList<(string Field, string Text)> Fields(PromptVersion p) =>
    [
        ("author", p.Author),
        ("description", p.Description),
        ("model", p.Model ?? string.Empty),
        ("parameters", string.Create(CultureInfo.InvariantCulture, $"temperature: {p.Parameters.Temperature?.ToString(CultureInfo.InvariantCulture) ?? "-"}\ntop_p: {p.Parameters.TopP?.ToString(CultureInfo.InvariantCulture) ?? "-"}\nmax_tokens: {p.Parameters.MaxTokens?.ToString(CultureInfo.InvariantCulture) ?? "-"}")),
        ("variables", string.Join(", ", p.Variables)),
        ("template.system", p.Template.System.TrimEnd('\n')),
        ("template.user", p.Template.User.TrimEnd('\n')),
        ("evaluation", p.Evaluation is { } e ? string.Create(CultureInfo.InvariantCulture, $"dataset: {e.Dataset ?? "-"}\nmetric: {e.Metric}\nscore: {e.Score?.ToString(CultureInfo.InvariantCulture) ?? "-"}") : string.Empty),
    ];

    public static string Score(double? score) => score?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
}
