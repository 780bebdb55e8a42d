using System.Globalization;
using Grounded.Prompts;

namespace Grounded.Hosting.Prompts;

/// <summary>
/// The objects <c>grounded prompts list|show|diff|history|promote|rollback --json</c> print and <c>/v1/prompts</c> returns: built
/// in one place, so the CLI and the server say the same thing (snake_case parameter names, as in a prompt's file).
/// </summary>
public static class PromptsJson
{
    /// <summary>Returns every prompt of the registry: its versions, the version active in each environment, what <paramref name="environment"/> uses and why, and the score each version was promoted with there.</summary>
    public static async Task<PromptListing> ListAsync(GroundedStack stack, string environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var registry = stack.Prompts;
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var active = await access.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<PromptRow>();
        foreach (var id in registry.Ids)
        {
            // What this process would use without naming a version, and why (never a file merely added: see docs/prompts.md).
            var used = await stack.ExplainPromptAsync(new PromptReference(id, null), environment, cancellationToken).ConfigureAwait(false);
            var history = await access.HistoryAsync(id, environment, cancellationToken).ConfigureAwait(false);
            rows.Add(new PromptRow(id, [.. registry.Versions(id).Select(v => v.Version.ToString())], registry.Versions(id)[^1].Version.ToString(),
                active.Where(a => a.Id == id).ToDictionary(a => a.Environment, a => a.Version, StringComparer.Ordinal),
                used.Prompt.Version.ToString(), used.Why, used.Prompt.Description)
            {
                Scores = Promotions(history).ToDictionary(p => p.Version, p => p.Score, StringComparer.Ordinal),
            });
        }

        return new PromptListing(environment, rows);
    }

    /// <summary>
    /// Returns one version (<paramref name="reference"/>'s, else the one <paramref name="environment"/> uses) as <c>prompts show</c>
    /// shows it: the version, the environment's active switch, why this version, and the switch that promoted it there.
    /// </summary>
    public static async Task<(PromptResolution Resolution, PromptActivation? Active, object Json)> ShowAsync(
        GroundedStack stack, PromptReference reference, string environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var resolution = await stack.ExplainPromptAsync(reference, environment, cancellationToken).ConfigureAwait(false);
        var prompt = resolution.Prompt;
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var active = await access.GetActiveAsync(prompt.Id, environment, cancellationToken).ConfigureAwait(false);
        var history = await access.HistoryAsync(prompt.Id, environment, cancellationToken).ConfigureAwait(false);
        var promoted = Promotions(history).FirstOrDefault(p => p.Version == prompt.Version.ToString());
        return (resolution, active, Version(prompt, environment, active, resolution.Why, promoted));
    }

    /// <summary>Returns a version as JSON; <paramref name="promoted"/> is the switch that last made it active in the environment (its score is the one it was promoted with).</summary>
    public static object Version(PromptVersion p, string? environment = null, PromptActivation? active = null, string? why = null, PromptActivation? promoted = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new
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
            promoted = promoted is null ? null : Activation(promoted),
        };
    }

    /// <summary>Returns a switch (promotion or rollback) as JSON.</summary>
    public static object Activation(PromptActivation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new
        {
            id = a.Id, environment = a.Environment, version = a.Version, action = a.Action, previous = a.Previous, at = a.At, actor = a.Actor, origin = a.Origin,
            forced = a.Forced, metric = a.Metric, score = a.Score, previous_score = a.PreviousScore,
        };
    }

    /// <summary>Returns a prompt's switches, newest first, as <c>prompts history</c> prints them.</summary>
    public static object History(string id, IEnumerable<PromptActivation> history) => new { id, data = history.Select(Activation) };

    /// <summary>Returns what a promotion did, as <c>prompts promote</c> prints it.</summary>
    public static object Outcome(PromotionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new
        {
            status = outcome.Status, candidate = outcome.Candidate, environment = outcome.Environment, current = outcome.Current, metric = outcome.Metric,
            candidate_score = outcome.CandidateScore, current_score = outcome.CurrentScore, tolerance = outcome.Tolerance, forced = outcome.Forced,
            evaluator = outcome.Evaluator, reason = outcome.Reason,
        };
    }

    /// <summary>Returns what changed from <paramref name="a"/> to <paramref name="b"/>, field by field, as unified diff lines.</summary>
    public static PromptDiff Diff(PromptVersion a, PromptVersion b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new PromptDiff(a.Reference, b.Reference, [.. Fields(a).Zip(Fields(b))
            .Where(f => f.First.Text != f.Second.Text)
            .Select(f => new PromptFieldDiff(f.First.Field, UnifiedDiff.Lines(f.First.Text, f.Second.Text)))]);
    }

    /// <summary>Returns the version's fields as the lines of its file, by field, for show and diff.</summary>
    public static IReadOnlyList<(string Field, string Text)> Fields(PromptVersion p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return
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
    }

    // The newest promotion of each version (history is newest first): what it was last promoted with.
    private static IEnumerable<PromptActivation> Promotions(IEnumerable<PromptActivation> history) =>
        history.Where(h => h.Action == PromptActivation.Promote).DistinctBy(h => h.Version, StringComparer.Ordinal);
}
