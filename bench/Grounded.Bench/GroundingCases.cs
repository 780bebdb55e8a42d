using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grounded.Rag;
using Grounded.Rag.Verify;

namespace Grounded.Bench;

/// <summary>A claim and a source, labelled: does the source support the claim? <c>Item</c> numbers the question it came from.</summary>
internal sealed record GroundingCase(int Item, string Claim, string Source, bool Label, string Kind);

/// <summary>Builds the labelled claim/source pairs of the grounding benchmark from COVID-QA and SciFact.</summary>
internal static partial class GroundingCases
{
    /// <summary>
    /// Each answer found in a retrieved passage of its own paper gives: that passage (supported), the best passage of
    /// another paper and the best passage of its own paper without the answer (unsupported), and, when the answer states
    /// a number, the answer with that number changed to one its passage does not state (unsupported).
    /// </summary>
    public static async Task<List<GroundingCase>> CovidQaAsync(LocalRag rag, List<BenchData.QaItem> qa)
    {
        var cases = new List<GroundingCase>();
        for (var i = 0; i < qa.Count; i++)
        {
            var item = qa[i];
            var claim = ClaimSplitter.Plain(item.Answer);
            if (ClaimSplitter.Split(claim).Count == 0)
            {
                continue;
            }

            var hits = await rag.Retriever.RetrieveAsync(claim, 50, CancellationToken.None);
            var gold = Normalize(claim);
            var own = hits.Where(h => h.Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal)).ToList();
            var positive = own.FirstOrDefault(h => Normalize(h.Chunk.Chunk.Text).Contains(gold, StringComparison.Ordinal));
            if (positive is null)
            {
                continue;
            }

            var source = positive.Chunk.Chunk.Text;
            cases.Add(new GroundingCase(i, claim, source, true, "supported"));
            if (hits.FirstOrDefault(h => !h.Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal)) is { } other)
            {
                cases.Add(new GroundingCase(i, claim, other.Chunk.Chunk.Text, false, "another paper's nearest passage"));
            }

            if (own.FirstOrDefault(h => !Normalize(h.Chunk.Chunk.Text).Contains(gold, StringComparison.Ordinal)) is { } sibling)
            {
                cases.Add(new GroundingCase(i, claim, sibling.Chunk.Chunk.Text, false, "own paper's nearest passage without it"));
            }

            if (ChangeNumber(claim, source) is { } changed)
            {
                cases.Add(new GroundingCase(i, changed, source, false, "a number changed"));
            }
        }

        return cases;
    }

    /// <summary>SciFact claims against their cited abstract (supported or contradicted: BEIR keeps no label) and against the nearest other cited abstract.</summary>
    public static async Task<List<GroundingCase>> SciFactAsync(LocalRag rag, string dataRoot, int max)
    {
        var qrels = File.ReadLines(Path.Combine(dataRoot, "scifact", "qrels", "train.tsv")).Skip(1)
            .Select(l => l.Split('\t')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1]).ToList());
        var pool = qrels.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
        var abstracts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(dataRoot, "scifact", "corpus.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("_id").GetString()!;
            if (pool.Contains(id))
            {
                abstracts[id] = $"{json.RootElement.GetProperty("title").GetString()} {json.RootElement.GetProperty("text").GetString()}";
            }
        }

        var claims = File.ReadLines(Path.Combine(dataRoot, "scifact", "queries.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Id: e.GetProperty("_id").GetString()!, Text: e.GetProperty("text").GetString()!))
            .Where(c => qrels.TryGetValue(c.Id, out var docs) && docs.All(abstracts.ContainsKey))
            .Take(max).ToList();
        var ids = abstracts.Keys.ToList();
        var docVectors = await rag.Embedder.GenerateAsync(ids.Select(id => abstracts[id]).ToList());
        var claimVectors = await rag.Embedder.GenerateAsync(claims.Select(c => c.Text).ToList());
        var cases = new List<GroundingCase>();
        for (var i = 0; i < claims.Count; i++)
        {
            var cited = qrels[claims[i].Id];
            var nearest = Enumerable.Range(0, ids.Count).Where(d => !cited.Contains(ids[d]))
                .MaxBy(d => TensorPrimitives.Dot(claimVectors[i].Vector.Span, docVectors[d].Vector.Span));
            cases.Add(new GroundingCase(i, claims[i].Text, abstracts[cited[0]], true, "supported"));
            cases.Add(new GroundingCase(i, claims[i].Text, abstracts[ids[nearest]], false, "nearest other abstract"));
        }

        return cases;
    }

    /// <summary>Returns the text lowercased with every run of non-alphanumerics one space.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // The claim with its first integer raised to the nearest value its source does not state, or null without one.
    private static string? ChangeNumber(string claim, string source)
    {
        var match = Integer().Match(claim);
        if (!match.Success || !long.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var stated = ClaimNumbers.Of(source);
        for (var next = value + 1; next < value + 50; next++)
        {
            var text = next.ToString(CultureInfo.InvariantCulture);
            if (!stated.Contains(text))
            {
                return string.Concat(claim.AsSpan(0, match.Index), text, claim.AsSpan(match.Index + match.Length));
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\p{L}\d.,\-])\d+(?![\d.,]\d)")]
    private static partial Regex Integer();
}
