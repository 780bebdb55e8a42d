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
        var rows = registry.Ids.Select(id => new
        {
            id,
            versions = registry.Versions(id).Select(v => v.Version.ToString()).ToList(),
            latest = registry.Find(id)!.Version.ToString(),
            active = active.Where(a => a.Id == id).ToDictionary(a => a.Environment, a => a.Version, StringComparer.Ordinal),
            description = registry.Find(id)!.Description,
        }).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(new { environment = stack.Options.Prompts.Environment, data = rows });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("id", "versions", "active");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.id), Markup.Escape(string.Join(", ", row.versions)),
                Markup.Escape(row.active.Count == 0 ? $"none (newest {row.latest} is used)" : string.Join(", ", row.active.Select(a => $"{a.Key}={a.Value}"))));
        }

        CliConsole.Out.Write(table);
        return ExitCodes.Success;
    }
}

[Description("Show one prompt version; without a version, the one active in the environment (else the newest)")]
internal sealed class PromptsShowCommand : GroundedCommand<PromptShowSettings>
{
    protected override async Task<int> RunAsync(PromptShowSettings settings, CancellationToken cancellationToken)
    {
        var reference = PromptActions.Parse(settings.Reference);
        await using var stack = OpenStack(settings);
        var environment = settings.Environment ?? stack.Options.Prompts.Environment;
        var prompt = await stack.ResolvePromptAsync(reference, environment, cancellationToken).ConfigureAwait(false);
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var active = await access.GetActiveAsync(prompt.Id, environment, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(PromptsOutput.Json(prompt, environment, active));
            return ExitCodes.Success;
        }

        CliConsole.Out.MarkupLine(Markup.Escape($"{prompt.Reference}   ({prompt.Source})"));
        CliConsole.Out.MarkupLine(Markup.Escape(active is null
            ? $"{environment}: no active version set (the newest, {prompt.Id}@{stack.Prompts.Find(prompt.Id)!.Version}, is used)"
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
