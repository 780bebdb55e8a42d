using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Answers;
using Grounded.Gateway.Context;
using Grounded.Hosting.Ask;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded ask "question"</c>: answers from the store with <c>[n]</c> citations, or abstains — through the same stack call as <c>POST /v1/ask</c>.</summary>
[Description("Answer a question from the indexed documents, citing sources as [[n]], or abstain")]
internal sealed class AskCommand : GroundedCommand<AskSettings>
{
    protected override async Task<int> RunAsync(AskSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings);
        var request = Request(settings) with { Model = settings.Model };
        stack.Validate(request); // an unknown --model is told at once, before the store and the model are opened
        await BundledDocs.IngestIfEmptyAsync(await stack.GetRagAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        // A question a model answers is accounted like one the server answers: a row in the store's usage ledger.
        var context = new GatewayContext("ask");
        var started = TimeProvider.System.GetTimestamp();
        GroundedAnswer answer;
        var status = 500;
        try
        {
            answer = await stack.AskAsync(request, context, cancellationToken).ConfigureAwait(false);
            status = 200;
        }
        finally
        {
            stack.RecordUsage(context, cancellationToken.IsCancellationRequested ? 499 : status, TimeProvider.System.GetElapsedTime(started));
        }

        if (settings.Json)
        {
            JsonOutput.Write(JsonOutput.WithQuestion(answer));
            return ExitCodes.Success;
        }

        var console = CliConsole.Out;
        if (answer.SearchedFor is { } searched)
        {
            console.MarkupLine($"[grey]Searched for: {Markup.Escape(searched)}[/]");
        }

        console.WriteLine(answer.Answer);
        if (answer.Citations.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Sources[/]");
            foreach (var c in answer.Citations)
            {
                console.MarkupLine($"  [[{c.N}]] {Markup.Escape(c.Source)} [grey](score {c.Score:0.000}, chunk {Markup.Escape(c.ChunkId)})[/]");
            }
        }

        if (answer.Grounding is { Claims: { Count: > 0 } claims } grounding)
        {
            console.MarkupLine($"[grey]grounding: {grounding.Supported} of {claims.Count} claims supported by their sources (confidence {grounding.Confidence:0.00}, {Markup.Escape(grounding.Method)})[/]");
            foreach (var claim in claims.Where(c => !c.Supported))
            {
                console.MarkupLine($"  [yellow]unsupported[/] {Markup.Escape(claim.Text)} [grey]({Markup.Escape(claim.Reason ?? string.Empty)})[/]");
            }
        }

        if (answer.RetrievalGuards is { } guards && (guards.Dropped + guards.Quoted + guards.Flagged + guards.PiiFound) > 0)
        {
            console.MarkupLine($"[grey]retrieved chunks: {guards.Dropped} dropped, {guards.Quoted} quoted, {guards.Flagged} flagged as injections; {guards.Redacted} redacted of {guards.PiiFound} holding personal data[/]");
        }

        var tokens = answer.Usage is { } usage ? $" · {usage.InputTokens} → {usage.OutputTokens} tokens · ${context.Cost:0.######}" : string.Empty;
        console.MarkupLine($"[grey]{Markup.Escape(answer.Generator)} · retrieve {answer.Timings.RetrieveMs:0} ms · generate {answer.Timings.GenerateMs:0} ms{tokens}[/]");
        return ExitCodes.Success;
    }

    /// <summary>Returns the request the query flags make: the same fields <c>POST /v1/ask</c> takes.</summary>
    internal static AskRequest Request(QuerySettings settings) => new()
    {
        Question = settings.Query,
        TopK = settings.TopK,
        Mode = settings.Mode,
        Rerank = settings.Rerank,
        Mmr = settings.Mmr,
        Collection = settings.Collection,
        SourcePrefix = settings.SourcePrefix,
        Tags = settings.Tags,
    };
}
