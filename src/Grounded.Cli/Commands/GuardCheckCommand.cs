using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Gateway;
using Grounded.Gateway.Guard;
using Grounded.Guards;
using Grounded.Hosting.Config;
using Grounded.Hosting;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded guard check</c>: runs the configured input guards over the text on stdin and prints each decision.</summary>
[Description("Run the input guards over text read from stdin and show each guard's decision (nothing is sent to a model unless moderation is configured)")]
internal sealed class GuardCheckCommand : GroundedCommand<GuardCheckSettings>
{
    /// <summary>The guards that run when the config has none: useful out of the box.</summary>
    public static readonly GuardPolicy OutOfTheBox = new()
    {
        Pii = new PiiGuardOptions { Mode = GuardMode.Redact },
        Injection = new InjectionGuardOptions { Mode = GuardMode.Block },
        Toxicity = new ToxicityGuardOptions { Mode = GuardMode.Flag },
    };

    protected override async Task<int> RunAsync(GuardCheckSettings settings, CancellationToken cancellationToken)
    {
        var options = GroundedConfig.Load(settings.Config);
        if (settings.Model is { } name && options.Gateway.Find(name) is null && options.Gateway.FindRoute(name) is null)
        {
            throw new UserInputException($"--model: '{name}' is not a configured model or route");
        }

        var text = await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (text.Length == 0)
        {
            throw new UserInputException("no text on stdin: pipe the text to check, e.g. echo \"...\" | grounded guard check");
        }

        var policy = options.Guards.IsEmpty ? OutOfTheBox : options.Guards.For(settings.Model);
        await using var stack = GroundedStack.Create(options);
        var (decisions, rewritten) = await stack.CheckGuardsAsync(text, policy, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                decisions = decisions.Select(d => new { guard = d.Guard, action = d.Action, reason = d.Reason, spans = d.Spans.Select(s => new { start = s.Start, length = s.Length, type = s.Type }) }),
                text = rewritten,
            });
            return ExitCodes.Success;
        }

        foreach (var d in decisions)
        {
            var spans = d.Spans.Count == 0 ? string.Empty : "  at " + string.Join(", ", d.Spans.Select(s => $"{s.Start}+{s.Length} {s.Type}"));
            CliConsole.Out.MarkupLine($"{Markup.Escape(d.Guard),-11}{Colour(d.Action)}  {Markup.Escape(d.Reason)}{Markup.Escape(spans)}");
        }

        if (!string.Equals(rewritten, text, StringComparison.Ordinal))
        {
            CliConsole.Out.MarkupLine("[grey]as sent to the provider:[/]");
            CliConsole.Out.WriteLine(rewritten.TrimEnd());
        }

        return ExitCodes.Success;
    }

    private static string Colour(string action) => action switch
    {
        GuardActions.Block => $"[red]{action,-12}[/]",
        GuardActions.Allow => $"[green]{action,-12}[/]",
        _ => $"[yellow]{action,-12}[/]",
    };
}
