using Grounded.Access;
using Grounded.Evaluation.Answers;
using Grounded.Hosting.Ask;
using Grounded.Prompts;
using Grounded.Rag.Answer;
using Grounded.Rag.Prompts;
using Grounded.Rag.Verify;

namespace Grounded.Hosting.Prompts;

/// <summary>
/// The stack's prompts: the registry (loaded once) and which version a reference resolves to. Without an active pointer a
/// prompt file never goes live by being added: a built-in id uses its built-in default, a user's id its newest release.
/// </summary>
internal sealed class StackPrompts(Func<PromptsOptions> options, Func<CancellationToken, Task<IAccessStore>> access)
{
    /// <summary>The version each built-in id uses until one is promoted.</summary>
    private static readonly Dictionary<string, string> BuiltInDefaults = new(StringComparer.Ordinal)
    {
        [GroundedPrompt.Id] = GroundedPrompt.Version,
        [GroundingJudge.Id] = GroundingJudge.Version,
        [JudgePrompt.RegistryId] = JudgePrompt.DefaultRef,
    };

    private readonly Lazy<PromptRegistry> _registry = new(() => PromptRegistry.Load(options().Directory));

    public PromptRegistry Registry => _registry.Value;

    public async Task<PromptResolution> ResolveAsync(PromptReference reference, string? environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Version is not null)
        {
            return new PromptResolution(Registry.Get(reference), "named version", null);
        }

        var env = environment ?? options().Environment;
        var store = await access(cancellationToken).ConfigureAwait(false);
        if (await store.GetActiveAsync(reference.Id, env, cancellationToken).ConfigureAwait(false) is { } active)
        {
            // The store names a version this server does not have: the server's fault (a deploy without the file), not the request's.
            var missing = $"{active.Reference} is active in {env} but not in the prompt registry (add prompts/{active.Id}/{active.Version}.yaml, or roll back)";
            var prompt = Registry.Find(reference.Id, SemVersion.TryParse(active.Version)) ?? throw new PromptRegistryException(missing, [missing]);
            return new PromptResolution(prompt, $"active in {env}", active);
        }

        var (fallback, why) = Fallback(Registry, reference.Id);
        return new PromptResolution(fallback, $"no pointer in {env}: {why}", null);
    }

    /// <summary>
    /// Returns the answer prompt (when <paramref name="answers"/>) and grounding-judge prompt (when <paramref name="judges"/>) of
    /// a request: a request that pins an answer prompt answers with that version (its active one when it names none).
    /// </summary>
    public async Task<(PromptVersion? Answer, PromptVersion? Judge)> ForAskAsync(AskRequest request, PromptVersion? pinned, bool answers, bool judges, CancellationToken cancellationToken)
    {
        var answer = pinned is null ? (answers ? (await ResolveAsync(new PromptReference(GroundedPrompt.Id, null), null, cancellationToken).ConfigureAwait(false)).Prompt : null)
            : PromptReference.Parse(request.Prompt!).Version is null ? await ResolvePinnedAsync(request.Prompt!, cancellationToken).ConfigureAwait(false)
            : pinned;
        return (answer, judges ? (await ResolveAsync(new PromptReference(GroundingJudge.Id, null), null, cancellationToken).ConfigureAwait(false)).Prompt : null);
    }

    /// <summary>Returns the version <paramref name="id"/> uses when no version is active, and why; throws <see cref="PromptNotFoundException"/> when there is none.</summary>
    public static (PromptVersion Version, string Why) Fallback(PromptRegistry registry, string id)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (BuiltInDefaults.TryGetValue(id, out var builtIn))
        {
            return (registry.Get(PromptReference.Parse(builtIn)), "built-in default");
        }

        var versions = registry.Versions(id);
        if (versions.Count == 0)
        {
            registry.Get(new PromptReference(id, null)); // throws, naming the known ids
        }

        return versions.LastOrDefault(v => v.Version.Prerelease.Length == 0) is { } release
            ? (release, "newest release")
            : throw new PromptNotFoundException(id, $"prompt '{id}' has only pre-release versions ({string.Join(", ", versions.Select(v => v.Version))}) and none is active: name one ({id}@{versions[^1].Version}) or promote it");
    }

    private async Task<PromptVersion> ResolvePinnedAsync(string written, CancellationToken cancellationToken)
    {
        try
        {
            return (await ResolveAsync(PromptReference.Parse(written), null, cancellationToken).ConfigureAwait(false)).Prompt;
        }
        catch (PromptNotFoundException e)
        {
            throw PinnedPrompts.NotFound(written, e);
        }
    }
}
