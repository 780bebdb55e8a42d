using System.ComponentModel;
using System.Globalization;
using Grounded.Access;
using Grounded.Answers;
using Grounded.Cli.Output;
using Grounded.Evaluation.Answers;
using Grounded.Evaluation.Datasets;
using Grounded.Gateway.Context;
using Grounded.Hosting.Ask;
using Grounded.Hosting.Evaluation;
using Grounded.Prompts;
using Grounded.Rag.Answer;
using Grounded.Rag.Prompts;
using Grounded.Rag.Index;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded eval run</c>: answers a dataset's questions through the stack (as <c>grounded ask</c> does) and scores the answers, optionally against a baseline.</summary>
[Description("Score answers on a dataset (exact match, token F1, ROUGE-L, semantic similarity, citations, abstention, optional LLM judge); with --baseline, exit 1 on a regression")]
internal sealed class EvalRunCommand : GroundedCommand<EvalRunSettings>
{
    protected override async Task<int> RunAsync(EvalRunSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<AnswerItem> items;
        IReadOnlyDictionary<string, double?>? baseline;
        try
        {
            items = AnswerDataset.Read(settings.Dataset);
            baseline = settings.Baseline is { } path ? BaselineGate.Read(path) : null;
        }
        catch (DatasetException error)
        {
            throw new UserInputException(error.Message);
        }

        // Evaluation questions are not traffic: they stay out of the query log (and so out of drift reports).
        await using var stack = OpenStack(settings, o => o with { QueryLog = false });
        var (prompt, model) = await AnswerPromptAsync(stack, settings, cancellationToken).ConfigureAwait(false);
        stack.Validate(new AskRequest { Question = "?", TopK = settings.TopK, Model = settings.Model, Prompt = prompt });
        JudgePrompt? rubric = null;
        if (settings.JudgeModel is { } judgeModel)
        {
            stack.Validate(new AskRequest { Question = "?", Model = judgeModel }); // an unknown judge is told before any answer is written
            rubric = JudgePrompt.From(await stack.ResolvePromptAsync(new PromptReference(JudgePrompt.RegistryId, null), null, cancellationToken).ConfigureAwait(false));
        }

        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        await BundledDocs.IngestIfEmptyAsync(rag, cancellationToken).ConfigureAwait(false);
        var runner = new AnswerEvaluationRunner(new AnswerEvaluationOptions
        {
            Embedder = rag.Embedder,
            Judge = settings.JudgeModel is { } judge ? new AnswerJudge(stack.Gateway.Client, judge, rubric!)
            {
                Repeat = settings.Repeat,
                Cache = JudgeCache.Open(JudgeCachePath(rag.Store.Location)),
            } : null,
            Parallelism = Math.Clamp(Environment.ProcessorCount, 1, 2),
            Baseline = baseline,
            Tolerance = settings.Tolerance,
            Prompt = prompt,
            Model = model,
        });

        var report = await QueryProgress.RunAsync($"Answering {items.Count} questions", items.Count, progress =>
            runner.RunAsync(items, (item, token) => AskAsync(stack, settings, prompt, item, token), progress, cancellationToken)).ConfigureAwait(false);

        if (settings.Html is { } html)
        {
            await File.WriteAllTextAsync(html, AnswerReportHtml.Render(report, settings.Dataset), cancellationToken).ConfigureAwait(false);
        }

        if (!settings.NoSave)
        {
            await EvaluationRuns.SaveAsync(await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false), report, JsonOutput.Serialize(report), settings.Dataset,
                settings.Tenant ?? Tenants.Default, settings.Baseline is not null, cancellationToken).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            Print(report, settings);
        }

        if (!report.Gate.Passed)
        {
            CliConsole.Error($"regression against {settings.Baseline}: {string.Join("; ", report.Gate.Failures)}");
            return ExitCodes.UserError;
        }

        return ExitCodes.Success;
    }

    // The answer prompt's version the run uses and records (id@version), pinned for every item: --prompt's (its active version when
    // it names none), else the active grounded-answer when a model writes the answers; null for the extractive answerer, which uses none.
    private static async Task<(string? Prompt, string Model)> AnswerPromptAsync(Hosting.GroundedStack stack, EvalRunSettings settings, CancellationToken cancellationToken)
    {
        PromptVersion? prompt = null;
        try
        {
            prompt = settings.Prompt is { } written ? await stack.ResolvePromptAsync(PromptReference.Parse(written), null, cancellationToken).ConfigureAwait(false)
                : (settings.Model ?? stack.Options.AskModel) is not null ? await stack.ResolvePromptAsync(new PromptReference(GroundedPrompt.Id, null), null, cancellationToken).ConfigureAwait(false)
                : null;
        }
        catch (PromptNotFoundException error)
        {
            throw new UserInputException($"--prompt {settings.Prompt}: {error.Message}");
        }

        return (prompt?.Reference, settings.Model ?? (settings.Prompt is null ? null : prompt?.Model) ?? stack.Options.AskModel ?? "extractive");
    }

    private static async Task<GroundedAnswer> AskAsync(Hosting.GroundedStack stack, EvalRunSettings settings, string? prompt, AnswerItem item, CancellationToken cancellationToken)
    {
        // Each answer a model writes is accounted like one `grounded ask` writes: a row in the store's usage ledger.
        // Asked as the tenant the run is saved under: --tenant X scores X's documents and only X's readers see the run.
        var context = new GatewayContext("eval") { Identity = CallerIdentity.Local with { Tenant = settings.Tenant ?? Tenants.Default } };
        var started = TimeProvider.System.GetTimestamp();
        var status = 500;
        try
        {
            var answer = await stack.AskAsync(new AskRequest { Question = item.Question, TopK = settings.TopK, Model = settings.Model, Prompt = prompt }, context, cancellationToken).ConfigureAwait(false);
            status = 200;
            return answer;
        }
        finally
        {
            stack.RecordUsage(context, cancellationToken.IsCancellationRequested ? 499 : status, TimeProvider.System.GetElapsedTime(started));
        }
    }

    // Verdicts live beside a local store; a database store's go to ~/.grounded/cache.
    private static string JudgeCachePath(string storeLocation) =>
        Path.Combine(StoreLocation.LocalDirectory(storeLocation) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".grounded", "cache"), "judge-cache.jsonl");

    private static void Print(AnswerEvaluationReport report, EvalRunSettings settings)
    {
        var console = CliConsole.Out;
        var c = report.Counts;
        console.MarkupLine(Markup.Escape(FormattableString.Invariant(
            $"{c.Items} questions ({c.Answerable} answerable, {c.Unanswerable} unanswerable; abstained on {c.Abstained}) · {settings.Dataset} · answerer {report.Model}{(report.Prompt is null ? string.Empty : $" · prompt {report.Prompt}")} · {report.ElapsedSeconds:0.0} s")));
        var table = new Table().AddColumns("metric", "mean", "95% CI");
        foreach (var (name, value) in report.Metrics)
        {
            var ci = report.Confidence.GetValueOrDefault(name);
            table.AddRow(name, Format(value), ci is null ? "–" : $"{Format(ci[0])} – {Format(ci[1])}");
        }

        console.Write(table);
        if (report.Judge is { } judge)
        {
            console.MarkupLine(Markup.Escape(FormattableString.Invariant($"judge {judge.Model} ({judge.Prompt}), {judge.Repeat} verdict(s) per answer, mean variance {judge.MeanVariance:0.0000}, unjudged {judge.Unjudged}")));
        }

        if (settings.Baseline is null)
        {
            console.MarkupLine("[grey]gate: no baseline (pass --baseline FILE to compare)[/]");
        }
        else if (report.Gate.Passed)
        {
            console.MarkupLine($"[green]gate passed[/] against {Markup.Escape(settings.Baseline)} (tolerance {settings.Tolerance.ToString(CultureInfo.InvariantCulture)})");
        }
        else
        {
            console.MarkupLine($"[red]gate failed[/] against {Markup.Escape(settings.Baseline)}:");
            foreach (var failure in report.Gate.Failures)
            {
                console.MarkupLine($"  [red]{Markup.Escape(failure.ToString())}[/]");
            }
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
