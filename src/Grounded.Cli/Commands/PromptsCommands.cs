using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Hosting.Prompts;
using Grounded.Prompts;
using Spectre.Console;

namespace Grounded.Cli.Commands;

[Description("List the registry's prompts: their versions and the version active in each environment")]
internal sealed class PromptsListCommand : GroundedCommand<PromptsSettings>
{
    protected override async Task<int> RunAsync(PromptsSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // the registry and the store's pointers only: no model is loaded
        var environment = stack.Options.Prompts.Environment;
        var listing = await PromptsJson.ListAsync(stack, environment, cancellationToken).ConfigureAwait(false);
        var rows = listing.Data;
        if (settings.Json)
        {
            JsonOutput.Write(listing);
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

[Description("Show one prompt version; without a version, the one used in the environment: the active one, else the built-in default (built-in ids) or the newest release")]
internal sealed class PromptsShowCommand : GroundedCommand<PromptShowSettings>
{
    protected override async Task<int> RunAsync(PromptShowSettings settings, CancellationToken cancellationToken)
    {
        var reference = PromptActions.Parse(settings.Reference);
        await using var stack = OpenStack(settings);
        var environment = settings.Environment ?? stack.Options.Prompts.Environment;
        var (resolution, active, json) = await PromptsJson.ShowAsync(stack, reference, environment, cancellationToken).ConfigureAwait(false);
        var prompt = resolution.Prompt;
        if (settings.Json)
        {
            JsonOutput.Write(json);
            return ExitCodes.Success;
        }

        CliConsole.Out.MarkupLine(Markup.Escape($"{prompt.Reference}   ({prompt.Source})"));
        CliConsole.Out.MarkupLine(Markup.Escape(active is null
            ? $"{environment}: no active version set; {resolution.Why}: {prompt.Reference} is used"
            : $"{environment}: {active.Reference} active since {active.At:u} by {active.Actor}{(active.Forced ? " (forced)" : "")}"));
        foreach (var (field, text) in PromptsJson.Fields(prompt).Where(f => f.Text.Length > 0))
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
        var diff = PromptsJson.Diff(a, b);
        if (settings.Json)
        {
            JsonOutput.Write(diff);
            return ExitCodes.Success;
        }

        Console.Out.WriteLine($"--- {a.Reference}");
        Console.Out.WriteLine($"+++ {b.Reference}");
        foreach (var field in diff.Fields)
        {
            Console.Out.WriteLine($"@@ {field.Field} @@");
            foreach (var line in field.Lines)
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

    public static string Score(double? score) => score?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
