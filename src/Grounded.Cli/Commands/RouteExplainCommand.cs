using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Gateway.Route;
using Grounded.Hosting.Config;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded route explain</c>: what a route would choose for a prompt, and why, without calling any model.</summary>
[Description("Show which model a route picks for a prompt, the class, the reason and the features read (no model is called)")]
internal sealed class RouteExplainCommand : GroundedCommand<RouteExplainSettings>
{
    private const int Repeats = 21;

    protected override Task<int> RunAsync(RouteExplainSettings settings, CancellationToken cancellationToken)
    {
        if (settings.MaxTokens is <= 0)
        {
            throw new UserInputException($"--max-tokens must be positive (got {settings.MaxTokens})");
        }

        var gateway = GroundedConfig.Load(settings.Config).Gateway;
        var routes = new ModelRoutes(gateway);
        if (!routes.IsRoute(settings.Route))
        {
            throw new UserInputException(gateway.Routes.Count == 0
                ? $"no route named '{settings.Route}': no routes are configured (configure models, which brings the built-in auto, or routes: in the config; see docs/configuration.md)"
                : $"no route named '{settings.Route}' (routes: {string.Join(", ", gateway.Routes.Select(r => r.Name))})");
        }

        List<ChatMessage> messages = [new(ChatRole.User, settings.Prompt)];
        // The median of a few decisions: the first pays for loading the cue tables and for compiling the code.
        RouteDecision decision = null!;
        var times = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            decision = routes.Decide(settings.Route, messages, settings.MaxTokens)!;
            times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        var elapsed = Math.Round(times.Order().ElementAt(Repeats / 2), 1);
        var f = decision.Features;
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                route = decision.Route, @class = RequestClasses.Name(decision.Class), model = decision.Model, reason = decision.Reason,
                features = new
                {
                    promptTokens = f.PromptTokens, userTurns = f.UserTurns, maxOutputTokens = f.MaxOutputTokens, codeFence = f.CodeFence, codeLines = f.CodeLines,
                    codeWords = f.CodeWords, reasoningCues = f.ReasoningCues, mathSymbols = f.MathSymbols, nonLatinShare = f.NonLatinShare,
                },
                elapsedMicroseconds = elapsed,
            });
            return Task.FromResult(ExitCodes.Success);
        }

        CliConsole.Out.MarkupLine($"route      {Markup.Escape(decision.Route)}");
        CliConsole.Out.MarkupLine($"class      {RequestClasses.Name(decision.Class)}");
        CliConsole.Out.MarkupLine($"model      {Markup.Escape(decision.Model)}");
        CliConsole.Out.MarkupLine($"reason     {Markup.Escape(decision.Reason)}");
        CliConsole.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"features   ~{f.PromptTokens} prompt tokens, {f.UserTurns} user turn(s), max_tokens {f.MaxOutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "not set"}, "
            + $"fence {(f.CodeFence ? "yes" : "no")}, {f.CodeLines} code lines, code words [{string.Join(", ", f.CodeWords)}], "
            + $"reasoning cues [{string.Join(", ", f.ReasoningCues)}], {f.MathSymbols} math symbols, {f.NonLatinShare:0.###} non-Latin")));
        CliConsole.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"decided in {elapsed} µs (median of {Repeats})"));
        return Task.FromResult(ExitCodes.Success);
    }
}
