using System.Globalization;
using System.Text.Json;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Answer;
using Grounded.Rag.Answer.Abstain;

namespace Grounded.Bench;

/// <summary>
/// Same-topic abstention data: every COVID-QA question asked twice, the product's way (spelling correction, hybrid
/// retrieval of 15, sentence reranking to 5, the extractive answerer's sentence scores): once of the whole corpus
/// (answerable) and once of an index that lacks the question's own paper (unanswerable; fold k's index leaves out the
/// papers whose number mod 5 is k). Writes one CSV line per asking: paper, question number, answerable, whether the
/// answer would cite the question's paper, then <see cref="AbstentionFeatures.Names"/>.
/// Usage: abstain-features --questions FILE --full STORE --folds STORE_PREFIX --out FILE [--every N]
/// (questions JSONL: paper, file, question; the folds are STORE_PREFIX0..4).
/// </summary>
internal static class AbstentionFeatureDump
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var every = options.GetInt("every", 1);
        var questions = File.ReadLines(options.Get("questions") ?? throw new ArgumentException("--questions is required"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Paper: e.GetProperty("paper").GetInt32(), File: e.GetProperty("file").GetString()!, Question: e.GetProperty("question").GetString()!))
            .Where((_, i) => i % every == 0)
            .ToList();
        var full = await OpenAsync(options.Get("full")!);
        var folds = new List<LocalRag>();
        for (var k = 0; k < 5; k++)
        {
            folds.Add(await OpenAsync(options.Get("folds") + k.ToString(CultureInfo.InvariantCulture)));
        }

        await using var output = new StreamWriter(options.Get("out")!);
        await output.WriteLineAsync("paper,index,answerable,cites_gold," + string.Join(',', AbstentionFeatures.Names));
        var index = 0;
        foreach (var (paper, file, question) in questions)
        {
            foreach (var (rag, answerable) in new[] { (full, true), (folds[paper % 5], false) })
            {
                var searched = rag.Rewriter is null ? question : await rag.Rewriter.RewriteAsync(question, CancellationToken.None);
                var candidates = await rag.Retriever.RetrieveAsync(searched, 15, CancellationToken.None);
                var evidence = await rag.Reranker.RerankAsync(searched, candidates, 5, CancellationToken.None);
                var sentences = await rag.AnswerScorer.ScoreAsync(searched, evidence, CancellationToken.None);
                if (sentences.Count == 0)
                {
                    continue;
                }

                var answer = await new ExtractiveAnswerer(rag.AnswerScorer, new ExtractiveOptions { AbstainBelow = double.NegativeInfinity, Abstention = null }).GenerateAsync(searched, evidence, CancellationToken.None);
                var cites = answer.Citations.Any(c => c.Source.EndsWith(file, StringComparison.Ordinal));
                var features = AbstentionFeatures.Compute(searched, evidence, sentences);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{paper},{index},{(answerable ? 1 : 0)},{(cites ? 1 : 0)},{AbstentionFeatures.Format(features)}"));
            }

            if (++index % 50 == 0)
            {
                Console.Error.WriteLine($"{index}/{questions.Count}");
                await output.FlushAsync();
            }
        }

        return 0;
    }

    private static Task<LocalRag> OpenAsync(string store) => LocalRag.OpenAsync(new LocalRagOptions { Store = store, Stores = Stores.All }, CancellationToken.None);
}
