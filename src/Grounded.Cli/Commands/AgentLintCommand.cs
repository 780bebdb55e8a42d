using System.ComponentModel;
using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Grounded.Cli.Output;
using Spectre.Console;

namespace Grounded.Cli.Commands;

[Description("Check an agent file and its tools' schemas: errors that stop it running, and warnings on tools models use badly")]
internal sealed class AgentLintCommand : GroundedCommand<AgentLintSettings>
{
    protected override async Task<int> RunAsync(AgentLintSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            throw new UserInputException($"{settings.File}: no such agent file");
        }

        var path = Path.GetFullPath(settings.File);
        var problems = new List<string>();
        var (text, missing) = AgentFileVariables.Expand(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Environment.GetEnvironmentVariable);
        var definition = missing.Count > 0 ? null : AgentFileReader.Read(text, settings.File, problems);
        var findings = problems.Select(p => new LintFinding("error", "invalid-file", null, p)).ToList();
        if (missing.Count > 0)
        {
            findings.Add(new LintFinding("error", "missing-variable", null, AgentFileVariables.Problem(settings.File, missing)));
        }

        if (definition is not null)
        {
            try
            {
                var environment = new ToolEnvironment(CallerIdentity.Local) { BaseDirectory = Path.GetDirectoryName(path)! };
                await using var tools = await ToolCatalog.CreateAsync(definition with { SourceFile = path }, environment, cancellationToken).ConfigureAwait(false);
                findings.AddRange(AgentLinter.Lint(definition, tools.Tools));
            }
            catch (ToolLoadException e)
            {
                findings.Add(new LintFinding("error", "tool-source", null, e.Message));
            }
        }

        var errors = findings.Count(f => f.Severity == "error");
        if (settings.Json)
        {
            JsonOutput.Write(new { file = settings.File, valid = errors == 0, errors, warnings = findings.Count - errors, findings });
        }
        else
        {
            foreach (var f in findings)
            {
                CliConsole.Out.MarkupLine(Markup.Escape($"{settings.File}{(f.Line > 0 ? ":" + f.Line : string.Empty)}: {f.Severity} {f.Rule}{(f.Tool is null ? string.Empty : " (" + f.Tool + ")")}: {f.Message}"));
            }

            CliConsole.Out.MarkupLine(Markup.Escape($"{errors} errors, {findings.Count - errors} warnings"));
        }

        return errors > 0 ? ExitCodes.UserError : ExitCodes.Success;
    }
}
