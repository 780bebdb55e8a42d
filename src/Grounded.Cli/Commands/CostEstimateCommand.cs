using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Gateway.Config;
using Grounded.Gateway.Tokens;
using Grounded.Hosting.Config;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded cost estimate</c>: what sending a corpus (or a number of tokens) through each model costs, with the tokens per word of each script.</summary>
[Description("Estimate what processing a corpus, or a number of tokens, through each model costs")]
internal sealed class CostEstimateCommand : GroundedCommand<CostEstimateSettings>
{
    protected override async Task<int> RunAsync(CostEstimateSettings settings, CancellationToken cancellationToken)
    {
        var models = PricedModel.Resolve(settings.Models, GroundedConfig.Load(settings.Config).Gateway);
        CorpusMeasurement? corpus = null;
        long input = settings.Tokens ?? 0;
        var documents = settings.Documents;
        if (settings.Paths.Length > 0)
        {
            corpus = await IngestProgressBar.RunAsync("Counting tokens", progress => CorpusMeasurement.RunAsync(settings.Paths, progress, cancellationToken)).ConfigureAwait(false);
            if (documents is { } wanted && corpus.Documents == 0)
            {
                throw new UserInputException($"--documents {wanted}: no document under {string.Join(", ", settings.Paths)} could be read, so there is no average to extrapolate");
            }

            input = documents is { } n ? (long)Math.Round((double)corpus.Tally.Tokens / corpus.Documents * n) : corpus.Tally.Tokens;
        }

        var output = settings.OutputTokens ?? settings.OutputTokensPerDocument * (documents ?? corpus?.Documents) ?? 0;
        var rows = models.Select(m => new
        {
            model = m.Name, providerModel = m.ProviderModel, inputTokens = input, outputTokens = output,
            usd = Math.Round((decimal)m.Price.Usd(input, output), 6),
            inputPerMTok = m.Price.InputPerMTok, outputPerMTok = m.Price.OutputPerMTok, cachedInputPerMTok = m.Price.CachedInputPerMTok,
            priceSource = m.Source,
        }).ToList();
        if (settings.Json)
        {
            JsonOutput.Write<object>(corpus is null ? new { models = rows } : new { models = rows, corpus = CorpusJson(corpus, documents) });
            return ExitCodes.Success;
        }

        if (corpus is not null)
        {
            PrintCorpus(corpus, documents, input);
        }

        var table = new Table().AddColumn("model").AddColumn("provider model")
            .AddColumn(new TableColumn("input $/MTok").RightAligned()).AddColumn(new TableColumn("output $/MTok").RightAligned())
            .AddColumn(new TableColumn("input tokens").RightAligned()).AddColumn(new TableColumn("output tokens").RightAligned())
            .AddColumn(new TableColumn("cost (USD)").RightAligned()).AddColumn("price");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.model), Markup.Escape(r.providerModel), Usd(r.inputPerMTok), Usd(r.outputPerMTok), Count(r.inputTokens), Count(r.outputTokens), Usd((double)r.usd), r.priceSource);
        }

        CliConsole.Out.Write(table);
        if (models.Any(m => m.Source != PricedModel.FromConfig))
        {
            CliConsole.Out.MarkupLine($"[grey]Built-in prices are list prices as of {KnownPrices.AsOf}; give the model a price in the config when they change.[/]");
        }

        return ExitCodes.Success;
    }

    private static object CorpusJson(CorpusMeasurement corpus, long? documents) => new
    {
        files = corpus.Files, skipped = corpus.Skipped.Count, documents = corpus.Documents,
        words = corpus.Tally.Words, tokens = corpus.Tally.Tokens,
        tokensPerDocument = corpus.Documents == 0 ? (double?)null : Math.Round((double)corpus.Tally.Tokens / corpus.Documents, 1),
        extrapolatedTo = documents,
        scripts = corpus.Tally.Scripts.Select(s => new
        {
            script = s.Script.ToString().ToLowerInvariant(), words = s.Words, letters = s.Letters, tokens = s.Tokens,
            tokensPerWord = s.TokensPerWord is { } t ? Math.Round(t, 3) : (double?)null,
        }),
        skippedFiles = corpus.Skipped.Select(f => new { source = f.Source, reason = f.Error }),
    };

    private static void PrintCorpus(CorpusMeasurement corpus, long? documents, long input)
    {
        foreach (var skipped in corpus.Skipped)
        {
            Console.Error.WriteLine($"warning: skipped {skipped.Source}: {skipped.Error}");
        }

        var tally = corpus.Tally;
        CliConsole.Out.MarkupLine($"{Count(corpus.Documents)} {(corpus.Documents == 1 ? "document" : "documents")} read ({Count(corpus.Skipped.Count)} skipped): {Count(tally.Words)} words, {Count(tally.Tokens)} o200k tokens");
        if (tally.Scripts.Count > 0)
        {
            var scripts = new Table().AddColumn("script").AddColumn(new TableColumn("words").RightAligned()).AddColumn(new TableColumn("letters").RightAligned())
                .AddColumn(new TableColumn("tokens").RightAligned()).AddColumn(new TableColumn("tokens/word").RightAligned());
            foreach (var s in tally.Scripts)
            {
                scripts.AddRow(Name(s.Script), Count(s.Words), Count(s.Letters), Count(s.Tokens), s.TokensPerWord?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-");
            }

            CliConsole.Out.Write(scripts);
            if (tally.Scripts.Any(s => s.Script == WritingScript.Cjk))
            {
                CliConsole.Out.MarkupLine("[grey]CJK words are characters: Chinese and Japanese put no spaces between words.[/]");
            }
        }

        if (documents is { } n)
        {
            CliConsole.Out.MarkupLine($"Extrapolated to {Count(n)} documents of {Count((long)Math.Round((double)tally.Tokens / corpus.Documents))} tokens on average: {Count(input)} input tokens");
        }
    }

    private static string Name(WritingScript script) => script == WritingScript.Cjk ? "CJK" : script.ToString();

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Usd(double value) => value.ToString("#,0.00####", CultureInfo.InvariantCulture);
}
