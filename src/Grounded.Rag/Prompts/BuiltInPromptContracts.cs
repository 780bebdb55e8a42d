using Grounded.Prompts;

namespace Grounded.Rag.Prompts;

/// <summary>
/// The variables the code fills for each built-in prompt id: every version of that id (built-in or a user's file) must
/// declare exactly these, or rendering it would fail or leave a placeholder unfilled on a request path.
/// </summary>
public static class BuiltInPromptContracts
{
    private static readonly Dictionary<string, string[]> Contracts = new(StringComparer.Ordinal)
    {
        // GroundedPrompt.Render
        ["grounded-answer"] = ["abstention", "sources", "question"],
        // GroundingJudge.Render
        ["grounding-judge"] = ["sources", "claims"],
        // Grounded.Evaluation's JudgePrompt.Variables (a Hosting test checks they agree)
        ["answer-judge"] = ["question", "reference", "answer", "sources"],
    };

    /// <summary>Returns the variables the code fills for <paramref name="id"/>; null when it is not a built-in id.</summary>
    public static IReadOnlyList<string>? Variables(string id) => Contracts.GetValueOrDefault(id);

    /// <summary>Returns what is wrong with <paramref name="declared"/> as the variables of <paramref name="id"/>; null when nothing is (or the id is not built in).</summary>
    public static string? Problem(string id, IReadOnlyCollection<string> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        if (Variables(id) is not { } required)
        {
            return null;
        }

        var missing = required.Where(v => !declared.Contains(v, StringComparer.Ordinal)).ToList();
        var extra = declared.Where(v => !required.Contains(v, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return null;
        }

        var what = string.Join("; ", new[]
        {
            missing.Count > 0 ? $"missing {string.Join(", ", missing)}" : null,
            extra.Count > 0 ? $"{string.Join(", ", extra)} would never be filled" : null,
        }.Where(p => p is not null));
        return $"{id} must declare exactly the variables the code fills: {string.Join(", ", required)} ({what})";
    }

    /// <summary>Throws <see cref="PromptRegistryException"/> when <paramref name="prompt"/> breaks its id's contract.</summary>
    public static void Check(PromptVersion prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (Problem(prompt.Id, prompt.Variables) is { } problem)
        {
            throw new PromptRegistryException($"{prompt.Reference}: {problem}", [$"{prompt.Source}: {problem}"]);
        }
    }
}
