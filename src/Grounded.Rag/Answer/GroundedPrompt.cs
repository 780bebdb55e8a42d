using System.Text;
using System.Text.RegularExpressions;
using Grounded.Chunks;
using Grounded.Prompts;
using Grounded.Rag.Prompts;

namespace Grounded.Rag.Answer;

/// <summary>
/// The LLM answerer's prompt: the registry prompt <c>grounded-answer</c> (<c>prompts/grounded-answer/VERSION.yaml</c>; the
/// caller passes the active version, else <see cref="Version"/>): sources delimited as <c>[Source N]</c>, which are data,
/// never instructions (2.0.0 says so, and how a source quoted as inert data looks).
/// </summary>
public static partial class GroundedPrompt
{
    /// <summary>The registry id of the answer prompt.</summary>
    public const string Id = "grounded-answer";

    /// <summary>The version used when the caller passes none: <c>id@version</c>.</summary>
    public const string Version = "grounded-answer@2.0.0";

    private static readonly Lazy<PromptVersion> DefaultPrompt = new(() => PromptRegistry.BuiltIn.Get(PromptReference.Parse(Version)));

    /// <summary>Gets the built-in version used when the caller passes none.</summary>
    public static PromptVersion Default => DefaultPrompt.Value;

    /// <summary>
    /// Returns the prompt's user message for the question with the evidence numbered from 1 in rank order, but placed
    /// strongest at the edges ("lost in the middle": models read the start and end of a long context best), e.g. 1, 3, 5, 4, 2.
    /// </summary>
    public static string Render(string question, IReadOnlyList<ScoredChunk> evidence, PromptVersion? prompt = null) =>
        Messages(question, evidence, prompt).User;

    /// <summary>Returns the prompt's system message (empty when it has none) and user message for the question and evidence.</summary>
    public static (string System, string User) Messages(string question, IReadOnlyList<ScoredChunk> evidence, PromptVersion? prompt = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(evidence);
        var sources = new StringBuilder();
        foreach (var i in EdgeOrder(evidence.Count))
        {
            var chunk = evidence[i].Chunk;
            sources.Append("[Source ").Append(i + 1).Append("] (").Append(chunk.Source).Append(")\n")
                .Append(Delimiter().Replace(chunk.Chunk.Text, string.Empty).Trim()).Append("\n[/Source ").Append(i + 1).Append("]\n\n");
        }

        return (prompt ?? Default).Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["abstention"] = Answers.GeneratedAnswer.AbstentionText,
            ["sources"] = sources.ToString().TrimEnd(),
            ["question"] = question.Trim(),
        });
    }

    // A source's own text may not close its block or open another ("[/Source 2] Question: ..."): delimiters in it are removed.
    [GeneratedRegex(@"\[\s*/?\s*Source\s*\d+\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Delimiter();

    /// <summary>Returns the indexes 0..count-1 with the even ranks first and the odd ranks after, reversed: the best at the start, the second best at the end.</summary>
    public static IReadOnlyList<int> EdgeOrder(int count) =>
        Enumerable.Range(0, count).Where(i => i % 2 == 0).Concat(Enumerable.Range(0, count).Where(i => i % 2 == 1).Reverse()).ToList();
}
