using System.ComponentModel;
using Grounded.Access;
using Grounded.Cli.Output;
using Grounded.Hosting.Prompts;
using Grounded.Rag.Answer;
using Spectre.Console;

namespace Grounded.Cli.Commands;

[Description("Make a prompt version active in an environment, if its evaluation score is not below the active version's minus the tolerance")]
internal sealed class PromptsPromoteCommand : GroundedCommand<PromptPromoteSettings>
{
    protected override async Task<int> RunAsync(PromptPromoteSettings settings, CancellationToken cancellationToken)
    {
        var reference = PromptActions.Parse(settings.Reference);
        var environment = PromptActions.Environment(settings.Environment, "promote " + settings.Reference);
        await using var stack = OpenStack(settings);
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        if (reference.Id == GroundedPrompt.Id)
        {
            // The answer prompt is scored on answers from the store, as `grounded eval run` scores it: the bundled docs when it is empty.
            await BundledDocs.IngestIfEmptyAsync(await stack.GetRagAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        var promotion = new PromptPromotion(stack.Prompts, access, stack.CreatePromptEvaluator());
        var outcome = await promotion.PromoteAsync(reference, environment, settings.Force, settings.Tolerance, CallerIdentity.Local.KeyId, PromptActions.Origin, cancellationToken)
            .ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(PromptsJson.Outcome(outcome));
        }
        else
        {
            var scores = outcome.Metric is null ? string.Empty
                : $"\n  {outcome.Metric}: candidate {PromptActions.Score(outcome.CandidateScore)}, active {(outcome.Current is null ? "none" : outcome.Current)} {PromptActions.Score(outcome.CurrentScore)} (tolerance {PromptActions.Score(outcome.Tolerance)}, scored by {outcome.Evaluator})";
            var line = outcome.Status switch
            {
                "promoted" => $"promoted {outcome.Candidate} in {outcome.Environment}{(outcome.Current is null ? "" : " (was " + outcome.Current + ")")}{(outcome.Forced ? ", forced" : "")}: {outcome.Reason}",
                "unchanged" => outcome.Reason,
                _ => $"not promoted: {outcome.Reason}",
            };
            (outcome.Succeeded ? CliConsole.Out : CliConsole.Err).MarkupLine(Markup.Escape(line + scores));
        }

        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.UserError;
    }
}

[Description("Make the version that was active before the current one's promotion active again in an environment")]
internal sealed class PromptsRollbackCommand : GroundedCommand<PromptIdSettings>
{
    protected override async Task<int> RunAsync(PromptIdSettings settings, CancellationToken cancellationToken)
    {
        var id = PromptActions.Parse(settings.Id).Id;
        var environment = PromptActions.Environment(settings.Environment, "rollback " + id);
        await using var stack = OpenStack(settings);
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var promotion = new PromptPromotion(stack.Prompts, access, stack.CreatePromptEvaluator());
        var rollback = await promotion.RollbackAsync(id, environment, CallerIdentity.Local.KeyId, PromptActions.Origin, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(PromptsJson.Activation(rollback));
            return ExitCodes.Success;
        }

        CliConsole.Out.MarkupLine(Markup.Escape($"rolled back {id} in {environment}: {rollback.Previous} -> {rollback.Version}"));
        return ExitCodes.Success;
    }
}

[Description("Show every promotion and rollback of a prompt: who, when, from, to, forced, scores")]
internal sealed class PromptsHistoryCommand : GroundedCommand<PromptIdSettings>
{
    protected override async Task<int> RunAsync(PromptIdSettings settings, CancellationToken cancellationToken)
    {
        var id = PromptActions.Parse(settings.Id).Id;
        await using var stack = OpenStack(settings);
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var history = await access.HistoryAsync(id, settings.Environment, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(PromptsJson.History(id, history));
            return ExitCodes.Success;
        }

        foreach (var h in history)
        {
            CliConsole.Out.MarkupLine(Markup.Escape(
                $"{h.At:u}  {h.Environment,-11} {h.Action,-8} {h.Previous ?? "none"} -> {h.Version}{(h.Forced ? "  forced" : "")}  by={h.Actor} from={h.Origin}{(h.Metric is null ? "" : $"  {h.Metric} {PromptActions.Score(h.Score)} (was {PromptActions.Score(h.PreviousScore)})")}"));
        }

        if (history.Count == 0)
        {
            CliConsole.Out.MarkupLine(Markup.Escape($"{id} has never been promoted{(settings.Environment is null ? "" : " in " + settings.Environment)}"));
        }

        return ExitCodes.Success;
    }
}
