using Grounded.Prompts;
using Grounded.Rag.Prompts;

namespace Grounded.Hosting.Prompts;

/// <summary>
/// Switches a prompt's active version in an environment: <see cref="PromoteAsync"/> behind the evaluation gate (the candidate's
/// score may not fall below the active version's minus a tolerance unless forced), <see cref="RollbackAsync"/> back to the
/// version active before the current one was promoted. Every switch is kept in the store's history and audit log, and is
/// made only if the pointer is still the one read at the start (else <see cref="PromptConflictException"/>: retry).
/// </summary>
/// <param name="registry">The prompts.</param>
/// <param name="store">The active pointers and their history.</param>
/// <param name="evaluator">What scores a version on an evaluation data set.</param>
/// <param name="time">The clock.</param>
public sealed class PromptPromotion(PromptRegistry registry, IPromptStore store, IPromptEvaluator evaluator, TimeProvider? time = null)
{
    /// <summary>The tolerance used when none is given.</summary>
    public const double DefaultTolerance = 0.02;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Scores <paramref name="reference"/> (which must name a version) and makes it active in <paramref name="environment"/> unless the gate refuses it.</summary>
    public async Task<PromotionOutcome> PromoteAsync(PromptReference reference, string environment, bool force, double tolerance, string actor, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Version is null)
        {
            throw new PromptSwitchException($"promote needs a version: write {reference.Id}@VERSION (versions: {string.Join(", ", registry.Versions(reference.Id).Select(v => v.Version))})");
        }

        CheckEnvironment(environment);
        if (tolerance is < 0 or > 1 || double.IsNaN(tolerance))
        {
            throw new PromptSwitchException($"the tolerance must be between 0 and 1 (got {tolerance})");
        }

        var candidate = registry.Get(reference);
        if (BuiltInPromptContracts.Problem(candidate.Id, candidate.Variables) is { } contract)
        {
            throw new PromptSwitchException($"cannot promote {candidate.Reference}: {contract}");
        }

        var active = await store.GetActiveAsync(candidate.Id, environment, cancellationToken).ConfigureAwait(false);
        var outcome = new PromotionOutcome("refused", candidate.Reference, environment) { Current = active?.Version, Tolerance = tolerance, Forced = force, Evaluator = evaluator.Name };
        if (active?.Version == candidate.Version.ToString())
        {
            return outcome with { Status = "unchanged", Reason = $"{candidate.Reference} is already active in {environment}" };
        }

        if (candidate.Evaluation is not { Dataset: not null } evaluation)
        {
            return force
                ? await SwitchAsync(outcome with { Reason = $"{candidate.Reference} has no evaluation data set: promoted unscored because --force was given" }, active, null, actor, origin, cancellationToken).ConfigureAwait(false)
                : outcome with { Reason = $"{candidate.Reference} has no evaluation data set (evaluation.dataset in its file): add one, or promote with --force" };
        }

        var candidateScore = await evaluator.EvaluateAsync(candidate, evaluation, cancellationToken).ConfigureAwait(false);
        // With no pointer, the version in use is the fallback (the built-in default, else the newest release): the
        // candidate must not score worse than that either.
        var fallback = active is null ? StackPrompts.Fallback(registry, candidate.Id) : default;
        var (currentScore, recorded) = active is not null ? await CurrentScoreAsync(candidate.Id, active, evaluation, cancellationToken).ConfigureAwait(false)
            : fallback.Version.Version == candidate.Version ? (null, false)
            : ((await evaluator.EvaluateAsync(fallback.Version, evaluation, cancellationToken).ConfigureAwait(false)).Score, false);
        outcome = outcome with { Metric = evaluation.Metric, CandidateScore = candidateScore.Score, CurrentScore = currentScore };
        if (candidateScore.Score is not { } score)
        {
            var why = candidateScore.Reason ?? $"{candidate.Reference} could not be scored on {evaluation.Dataset}";
            return force
                ? await SwitchAsync(outcome with { Reason = $"{why}: promoted unscored because --force was given" }, active, null, actor, origin, cancellationToken).ConfigureAwait(false)
                : outcome with { Reason = $"{why} (evaluator: {evaluator.Name}): promote with --force to skip the gate" };
        }

        // When the active version cannot be run now (its file gone, no model), the score it was promoted with stands in, and says so.
        var activeName = active is null ? $"{fallback.Version.Reference}'s (in use with no active version: {fallback.Why})" : recorded ? $"{active.Reference}'s recorded" : $"{active.Reference}'s";
        if (currentScore is { } current && score < current - tolerance)
        {
            var below = $"{evaluation.Metric} {score:0.####} is below {activeName} {current:0.####} minus the tolerance {tolerance:0.####}";
            return force
                ? await SwitchAsync(outcome with { Reason = $"{below}: promoted because --force was given" }, active, score, actor, origin, cancellationToken).ConfigureAwait(false)
                : outcome with { Reason = $"refused: {below}" };
        }

        var passed = currentScore is { } c2
            ? $"{evaluation.Metric} {score:0.####} against {activeName} {c2:0.####} (tolerance {tolerance:0.####})"
            : active is null && fallback.Version.Version == candidate.Version ? $"{evaluation.Metric} {score:0.####}; {candidate.Reference} is already the version in use with no active version ({fallback.Why})"
            : $"{evaluation.Metric} {score:0.####}; no scored version was active in {environment}";
        return await SwitchAsync(outcome with { Reason = passed }, active, score, actor, origin, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the version active before the current one was promoted active again in <paramref name="environment"/>; returns the switch.</summary>
    public async Task<PromptActivation> RollbackAsync(string id, string environment, string actor, string origin, CancellationToken cancellationToken)
    {
        CheckEnvironment(environment);
        var active = await store.GetActiveAsync(id, environment, cancellationToken).ConfigureAwait(false)
            ?? throw new PromptSwitchException($"{id} has no active version in {environment}: nothing to roll back");
        var history = await store.HistoryAsync(id, environment, cancellationToken).ConfigureAwait(false);
        var promotion = history.FirstOrDefault(h => h.Action == PromptActivation.Promote && h.Version == active.Version);
        if (promotion?.Previous is not { } target)
        {
            throw new PromptSwitchException($"{id}@{active.Version} is the first version active in {environment}: there is no previous version to roll back to");
        }

        if (registry.Find(id, SemVersion.TryParse(target)) is null)
        {
            throw new PromptSwitchException($"cannot roll back {id} in {environment} to {target}: that version is not in the prompt registry (add prompts/{id}/{target}.yaml)");
        }

        var targetScore = history.FirstOrDefault(h => h.Action == PromptActivation.Promote && h.Version == target);
        var rollback = new PromptActivation(id, environment, target, _time.GetUtcNow(), actor)
        {
            Action = PromptActivation.Rollback, Previous = active.Version, Metric = targetScore?.Metric ?? active.Metric, Score = targetScore?.Score, PreviousScore = active.Score, Origin = origin,
        };
        await store.SetActiveAsync(rollback, active.Seq, cancellationToken).ConfigureAwait(false);
        return rollback;
    }

    private async Task<(double? Score, bool Recorded)> CurrentScoreAsync(string id, PromptActivation active, PromptEvaluation evaluation, CancellationToken cancellationToken)
    {
        // Scored now on the candidate's data set when it can be; else the score it was promoted with, if on the same metric.
        if (registry.Find(id, SemVersion.TryParse(active.Version)) is { } current
            && (await evaluator.EvaluateAsync(current, evaluation, cancellationToken).ConfigureAwait(false)).Score is { } score)
        {
            return (score, false);
        }

        return active.Metric == evaluation.Metric && active.Score is { } recorded ? (recorded, true) : (null, false);
    }

    private async Task<PromotionOutcome> SwitchAsync(PromotionOutcome outcome, PromptActivation? active, double? score, string actor, string origin, CancellationToken cancellationToken)
    {
        var reference = PromptReference.Parse(outcome.Candidate);
        await store.SetActiveAsync(new PromptActivation(reference.Id, outcome.Environment, reference.Version!.ToString(), _time.GetUtcNow(), actor)
        {
            Previous = active?.Version, Forced = outcome.Forced, Metric = outcome.Metric, Score = score, PreviousScore = outcome.CurrentScore, Origin = origin,
        }, active?.Seq, cancellationToken).ConfigureAwait(false);
        return outcome with { Status = "promoted" };
    }

    private static void CheckEnvironment(string environment)
    {
        if (!PromptIds.IsValid(environment))
        {
            throw new PromptSwitchException($"'{environment}' is not a usable environment name: use lower-case letters, digits, '-', '_' or '.' (e.g. production, staging)");
        }
    }
}
