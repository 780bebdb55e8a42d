using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Prompts;
using Spectre.Console;

namespace Grounded.Cli.Commands;

[Description("List the registry's prompts: their versions and the version active in each environment")]
internal sealed class PromptsListCommand : GroundedCommand<PromptsSettings>
{
    protected override async Task<int> RunAsync(PromptsSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // the registry and the store's pointers only: no model is loaded
        var registry = stack.Prompts;
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var active = await access.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        var environment = stack.Options.Prompts.Environment;
        var rows = new List<PromptRow>();
        foreach (var id in registry.Ids)
        {
            // What this process would use without naming a version, and why (never a file merely added: see docs/prompts.md).
            var used = await stack.ExplainPromptAsync(new PromptReference(id, null), environment, cancellationToken).ConfigureAwait(false);
            rows.Add(new PromptRow(id, [.. registry.Versions(id).Select(v => v.Version.ToString())], registry.Versions(id)[^1].Version.ToString(),
                active.Where(a => a.Id == id).ToDictionary(a => a.Environment, a => a.Version, StringComparer.Ordinal),
                used.Prompt.Version.ToString(), used.Why, used.Prompt.Description));
        }

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                environment,
                data = rows.Select(r => new { id = r.Id, versions = r.Versions, latest = r.Latest, active = r.Active, used = r.Used, why = r.Why, description = r.Description }),
            });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("id", "versions", "active", $"used in {environment}");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Id), Markup.Escape(string.Join(", ", row.Versions)),
                Markup.Escape(row.Active.Count == 0 ? "none" : string.Join(", ", row.Active.Select(a => $"{a.Key}={a.Value}"))),
                Markup.Escape($"{row.Used} ({row.Why})"));
        }

        CliConsole.Out.Write(table);
        return ExitCodes.Success;
    }
}

// JSON: id, versions, latest, active (environment => version), used and why (what this environment uses without a pinned version), description.
internal sealed record PromptRow(string Id, IReadOnlyList<string> Versions, string Latest, IReadOnlyDictionary<string, string> Active, string Used, string Why, string Description);

[Description("Show one prompt version; without a version, the one used in the environment: the active one, else the built-in default (built-in ids) or the newest release")]
internal sealed class PromptsShowCommand : GroundedCommand<PromptShowSettings>
{
    protected override async Task<int> RunAsync(PromptShowSettings settings, CancellationToken cancellationToken)
    {
        var reference = PromptActions.Parse(settings.Reference);
        await using var stack = OpenStack(settings);
        var environment = settings.Environment ?? stack.Options.Prompts.Environment;
        var resolution = await stack.ExplainPromptAsync(reference, environment, cancellationToken).ConfigureAwait(false);
        var prompt = resolution.Prompt;
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var active = await access.GetActiveAsync(prompt.Id, environment, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(PromptsOutput.Json(prompt, environment, active, resolution.Why));
            return ExitCodes.Success;
        }

        CliConsole.Out.MarkupLine(Markup.Escape($"{prompt.Reference}   ({prompt.Source})"));
        CliConsole.Out.MarkupLine(Markup.Escape(active is null
            ? $"{environment}: no active version set; {resolution.Why}: {prompt.Reference} is used"
            : $"{environment}: {active.Reference} active since {active.At:u} by {active.Actor}{(active.Forced ? " (forced)" : "")}"));
        foreach (var (field, text) in PromptsOutput.Fields(prompt).Where(f => f.Text.Length > 0))
        {
            CliConsole.Out.MarkupLine($"[bold]{field}[/]");
            CliConsole.Out.WriteLine("  " + text.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return ExitCodes.Success;
    }
}

[Description("Show what changed between two prompt versions, field by field, as a unified diff")]
internal sealed class PromptsDiffCommand : GroundedCommand<PromptDiffSettings>
{
    protected override async Task<int> RunAsync(PromptDiffSettings settings, CancellationToken cancellationToken)
    {
        var (from, to) = (PromptActions.Parse(settings.From), PromptActions.Parse(settings.To));
        await using var stack = OpenStack(settings);
        var (a, b) = (stack.Prompts.Get(from), stack.Prompts.Get(to));
        var fields = PromptsOutput.Fields(a).Zip(PromptsOutput.Fields(b))
            .Where(f => f.First.Text != f.Second.Text)
            .Select(f => new { field = f.First.Field, lines = UnifiedDiff.Lines(f.First.Text, f.Second.Text) }).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(new { from = a.Reference, to = b.Reference, fields });
            return ExitCodes.Success;
        }

        Console.Out.WriteLine($"--- {a.Reference}");
        Console.Out.WriteLine($"+++ {b.Reference}");
        foreach (var field in fields)
        {
            Console.Out.WriteLine($"@@ {field.field} @@");
            foreach (var line in field.lines)
            {
                Console.Out.WriteLine(line);
            }
        }

        return ExitCodes.Success;
    }
}

/// <summary>What the prompt verbs share: reading references, who acts, the environment flag.</summary>
internal static class PromptActions
{
    public static PromptReference Parse(string text)
    {
        try
        {
            return PromptReference.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    public static string Environment(string? environment, string verb) =>
        string.IsNullOrWhiteSpace(environment) ? throw new UserInputException($"--env is required (e.g. grounded prompts {verb} --env production)") : environment;

    public static string Origin => $"cli@{System.Environment.MachineName}";
}
