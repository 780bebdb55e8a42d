using System.Diagnostics;
using Grounded.Answers;
using Grounded.Chunks;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Verify;

/// <summary>
/// Checks an answer claim by claim: each sentence must be supported by a source it cites (a sentence citing none, by
/// any retrieved source); markers naming no source the answer was given are removed. The local check
/// (<see cref="SupportScorer"/>, <see cref="GroundingWeights"/>) always runs; a judge model, when given, decides each
/// claim it gives a verdict for; samples, when given, flag claims most of them do not state. The policy then
/// annotates, strips or abstains.
/// </summary>
public sealed class GroundingVerifier
{
    private readonly SupportScorer _scorer;
    private readonly SelfConsistency _consistency;
    private readonly GroundingWeights _weights;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier; the options are copied.</summary>
    /// <param name="embedder">The local embedding model, best wrapped in the query pipeline's cache so source sentences already embedded are reused.</param>
    /// <param name="options">The policy and thresholds.</param>
    /// <param name="time">The clock the check is timed with.</param>
    public GroundingVerifier(IEmbeddingGenerator<string, Embedding<float>> embedder, GroundingOptions? options = null, TimeProvider? time = null)
        : this(embedder, options, time, GroundingWeights.Calibrated, windows: false)
    {
    }

    internal GroundingVerifier(IEmbeddingGenerator<string, Embedding<float>> embedder, GroundingOptions? options, TimeProvider? time, GroundingWeights weights, bool windows, string claimPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(embedder);
        Options = (options ?? new GroundingOptions()) with { };
        _scorer = new SupportScorer(embedder, windows, claimPrefix);
        _consistency = new SelfConsistency(embedder);
        _weights = weights;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Gets the options the verifier applies.</summary>
    public GroundingOptions Options { get; }

    /// <summary>
    /// Returns <paramref name="answer"/> checked: with its <see cref="GeneratedAnswer.Grounding"/>, and its text as the
    /// policy leaves it. <paramref name="evidence"/> is what the answer stage was given; <paramref name="samples"/> are
    /// other answers to the same question for the self-consistency check (none: no check).
    /// </summary>
    public async Task<GeneratedAnswer> VerifyAsync(GeneratedAnswer answer, IReadOnlyList<ScoredChunk> evidence, GroundingJudge? judge = null, IReadOnlyList<GeneratedAnswer>? samples = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(evidence);
        var start = _time.GetTimestamp();
        using var activity = RagTelemetry.Source.StartActivity("rag.verify");
        if (answer.Abstained)
        {
            return answer with { Grounding = Grounding.None() with { ElapsedMs = Elapsed(start) } };
        }

        var (text, removed) = CitationMarkers.KeepOnly(answer.Text, answer.Citations.Select(c => c.N).ToHashSet());
        var claims = ClaimSplitter.Split(text);
        var verdicts = await JudgeLocallyAsync(claims, answer.Citations, evidence, cancellationToken).ConfigureAwait(false);
        var method = "local";
        if (judge is not null && claims.Count > 0 && await AskJudgeAsync(judge, claims, answer.Citations, evidence, cancellationToken).ConfigureAwait(false) is { } judged)
        {
            method = $"judge:{judge.Model}";
            verdicts = verdicts.Select((v, i) => judged[i] is { } supported ? v with { Support = (v.Support + (supported ? 1 : 0)) / 2, Reason = supported ? null : v.Reason ?? "the judge found it unsupported" } : v).ToArray();
        }

        var written = samples?.Where(s => !s.Abstained).Select(s => s.Text).ToList() ?? [];
        if (written.Count > 0 && claims.Count > 0)
        {
            var shares = await _consistency.ShareStatingAsync(claims.Select(c => c.Text).ToList(), written, cancellationToken).ConfigureAwait(false);
            verdicts = verdicts.Select((v, i) => shares[i] * 2 < 1
                ? v with { Support = Math.Min(v.Support, shares[i]), Reason = $"stated in {shares[i] * written.Count:0} of {written.Count} samples" }
                : v).ToArray();
        }

        var checkedClaims = claims.Select((c, i) => new GroundedClaim(c.Text, verdicts[i].Support >= Options.Threshold, Math.Round(verdicts[i].Support, 3), c.Cited)
        {
            Reason = verdicts[i].Support >= Options.Threshold ? null : verdicts[i].Reason ?? "its sources do not support it",
        }).ToList();
        var (result, grounding) = GroundingPolicies.Apply(Options, answer with { Text = text }, claims, checkedClaims);
        var verified = result with { Grounding = grounding with { Method = method, RemovedCitations = removed, ElapsedMs = Elapsed(start) } };
        activity?.SetTag("grounded.grounding.supported", verified.Grounding!.Supported);
        activity?.SetTag("grounded.grounding.unsupported", verified.Grounding.Unsupported);
        activity?.SetTag("grounded.grounding.confidence", verified.Grounding.Confidence);
        activity?.SetTag("grounded.grounding.method", method);
        return verified;
    }

    /// <summary>Returns the local check's features of a claim against the union of <paramref name="sources"/>, for calibration.</summary>
    internal async Task<SupportFeatures> FeaturesAsync(string claim, IReadOnlyList<string> sources, CancellationToken cancellationToken) =>
        (await _scorer.ScoreAsync([(claim, sources)], cancellationToken).ConfigureAwait(false))[0];

    // A claim's local support: the cited sources together, or (citing none) the best single retrieved source.
    private async Task<Verdict[]> JudgeLocallyAsync(IReadOnlyList<Claim> claims, IReadOnlyList<Citation> citations, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        var byNumber = citations.ToDictionary(c => c.N, c => c.Text);
        var all = AllSources(citations, evidence);
        var pairs = new List<(string Claim, IReadOnlyList<string> Sources)>();
        var owners = new List<int>();
        for (var i = 0; i < claims.Count; i++)
        {
            var cited = claims[i].Cited.Where(byNumber.ContainsKey).Select(n => byNumber[n]).ToList();
            foreach (var sources in cited.Count > 0 ? [cited] : all.Select(s => (IReadOnlyList<string>)[s]))
            {
                pairs.Add((claims[i].Text, sources));
                owners.Add(i);
            }
        }

        var features = await _scorer.ScoreAsync(pairs, cancellationToken).ConfigureAwait(false);
        var verdicts = new Verdict[claims.Count];
        for (var p = 0; p < pairs.Count; p++)
        {
            var support = _weights.Probability(features[p]);
            if (verdicts[owners[p]] is not { } best || support > best.Support)
            {
                verdicts[owners[p]] = new Verdict(support, Reason(claims[owners[p]], features[p]));
            }
        }

        return [.. verdicts.Select(v => v ?? new Verdict(0, "no source to check it against"))];
    }

    private async Task<bool?[]?> AskJudgeAsync(GroundingJudge judge, IReadOnlyList<Claim> claims, IReadOnlyList<Citation> citations, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        // The judge numbers the sources its own way: an extractive answer's [1] need not be the first retrieved chunk.
        var all = AllSources(citations, evidence);
        var numbers = all.Select((text, i) => (text, i)).ToDictionary(x => x.text, x => x.i + 1, StringComparer.Ordinal);
        var byNumber = citations.ToDictionary(c => c.N, c => c.Text);
        var items = claims.Select(c =>
        {
            var cited = c.Cited.Where(byNumber.ContainsKey).Select(n => byNumber[n]).Distinct(StringComparer.Ordinal).ToList();
            IReadOnlyList<(int, string)> sources = [.. (cited.Count > 0 ? cited : all).Select(t => (numbers[t], t))];
            return (c.Text, sources);
        }).ToList();
        try
        {
            return await judge.JudgeAsync(items, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The local verdicts stand: a judge that is down, over budget or slow must not fail the answer.
            Activity.Current?.AddEvent(new ActivityEvent("grounded.grounding.judge_failed", tags: new ActivityTagsCollection { ["error.type"] = e.GetType().Name }));
            return null;
        }
    }

    private static List<string> AllSources(IReadOnlyList<Citation> citations, IReadOnlyList<ScoredChunk> evidence) =>
        citations.Select(c => c.Text).Concat(evidence.Select(e => e.Chunk.Chunk.Text)).Distinct(StringComparer.Ordinal).ToList();

    private static string? Reason(Claim claim, SupportFeatures features) =>
        features.Missing.Count > 0 ? $"states {ClaimNumbers.Describe(features.Missing)}, not in {(claim.Cited.Count > 0 ? "its sources" : "any source")}"
        : claim.Cited.Count == 0 ? "cites no source, and no retrieved source supports it"
        : null;

    private double Elapsed(long start) => _time.GetElapsedTime(start).TotalMilliseconds;

    private sealed record Verdict(double Support, string? Reason);
}
