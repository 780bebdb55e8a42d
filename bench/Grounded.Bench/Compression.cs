using System.Globalization;
using System.Text;
using Grounded.Gateway.Tokens;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Answer;
using Grounded.Rag.Rerank;

namespace Grounded.Bench;

/// <summary>
/// What prompt compression saves and costs on COVID-QA: for each question the product's evidence (top 5 after
/// reranking) is compressed to each budget; reported are the o200k tokens before and after, the share of questions whose
/// gold answer text is still in the evidence (what a model could still quote), and the extractive answerer's
/// answer-contains-gold rate on the whole and the compressed evidence (a model-free proxy of answer quality).
/// Usage: compression [--data DIR] [--work DIR] [--every 3] [--budgets 150,300,600]
/// </summary>
internal static class Compression
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var data = BenchData.Root(options.Get("data"));
        var work = options.Get("work") ?? Path.Combine(Path.GetTempPath(), "grounded-bench");
        var every = options.GetInt("every", 3);
        var budgets = (options.Get("budgets") ?? "150,300,600").Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray();
        var qa = BenchData.CovidQa(data, Path.Combine(work, "covidqa-corpus"));
        await using var stack = GroundedStack.Create(new GroundedOptions { Rag = new LocalRagOptions { Store = Path.Combine(work, "store-int8") } });
        var rag = await stack.GetRagAsync();
        await rag.Ingestion().IngestAsync([Path.Combine(work, "covidqa-corpus")]);
        var tokens = new PromptTokenCounter();
        var scorer = new SentenceScorer(rag.Embedder);
        var answerer = new ExtractiveAnswerer(scorer, new ExtractiveOptions { AbstainBelow = double.NegativeInfinity, Abstention = null });
        var questions = qa.Where((_, i) => i % every == 0).ToList();
        var rows = budgets.Select(b => (Budget: b, Before: 0L, After: 0L, Kept: 0, Whole: 0, Answered: 0, AnsweredWhole: 0)).ToArray();
        foreach (var item in questions)
        {
            var (searched, evidence) = await rag.Query.GatherAsync(item.Question, 5);
            var gold = Normalize(item.Answer);
            var inWhole = evidence.Any(e => Normalize(e.Chunk.Chunk.Text).Contains(gold, StringComparison.Ordinal));
            var wholeAnswer = Normalize((await answerer.GenerateAsync(searched, evidence, CancellationToken.None)).Text).Contains(gold, StringComparison.Ordinal);
            for (var b = 0; b < rows.Length; b++)
            {
                var (kept, before, after) = await new EvidenceCompressor(scorer, rows[b].Budget, tokens.Count).CompressAsync(searched, evidence, CancellationToken.None);
                var answer = await answerer.GenerateAsync(searched, kept, CancellationToken.None);
                rows[b].Before += before;
                rows[b].After += after;
                rows[b].Whole += inWhole ? 1 : 0;
                rows[b].Kept += inWhole && kept.Any(e => Normalize(e.Chunk.Chunk.Text).Contains(gold, StringComparison.Ordinal)) ? 1 : 0;
                rows[b].AnsweredWhole += wholeAnswer ? 1 : 0;
                rows[b].Answered += Normalize(answer.Text).Contains(gold, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Console.WriteLine($"{questions.Count} COVID-QA questions, top 5 chunks each");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"budget {r.Budget,5}: tokens {r.Before / (double)questions.Count,6:0} → {r.After / (double)questions.Count,6:0} per question (saved {1 - (r.After / (double)r.Before):P0}); gold answer kept in evidence {r.Kept}/{r.Whole} ({r.Kept / (double)Math.Max(1, r.Whole):P1}); extractive answer contains gold {r.AnsweredWhole / (double)questions.Count:P1} → {r.Answered / (double)questions.Count:P1}"));
        }

        return 0;
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
