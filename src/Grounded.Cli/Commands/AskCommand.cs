using System.ComponentModel;
using Grounded.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded ask "question"</c>: answers from the store with <c>[n]</c> citations, or abstains.</summary>
[Description("Answer a question from the indexed documents, citing sources as [[n]], or abstain")]
internal sealed class AskCommand : GroundedCommand<AskSettings>
{
    protected override async Task<int> RunAsync(AskSettings settings, CancellationToken cancellationToken)
    {
        using var gateway = ModelAnswerer.OpenGateway(settings);
        await using var rag = await OpenAsync(settings, cancellationToken, o => ModeOption.WithMode(o, settings.Mode) with { RerankCandidates = settings.Rerank ?? o.RerankCandidates, Diversity = settings.Mmr }).ConfigureAwait(false);
        await BundledDocs.IngestIfEmptyAsync(rag, cancellationToken).ConfigureAwait(false);
        var pipeline = gateway is null ? rag.QueryWith(settings.Filter) : rag.QueryWith(ModelAnswerer.Create(gateway, settings.Model!), settings.Filter);
        var answer = await pipeline.AskAsync(settings.Query, settings.TopK, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(answer with { Citations = answer.Citations.Select(c => c with { Score = Math.Round(c.Score, 4) }).ToList() });
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

        console.MarkupLine($"[grey]{answer.Generator} · retrieve {answer.Timings.RetrieveMs:0} ms · generate {answer.Timings.GenerateMs:0} ms[/]");
        return ExitCodes.Success;
    }
}
