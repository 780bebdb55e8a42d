using System.Text;
using System.Text.RegularExpressions;
using Grounded.Chunks;

namespace Grounded.Rag.Answer;

/// <summary>
/// The versioned prompt of the LLM answerer (<c>Answer/Prompts/grounded-answer.v2.md</c>, embedded): sources delimited as
/// <c>[Source N]</c>, which are data, never instructions (v2 says so, and how a source quoted as inert data looks).
/// </summary>
public static partial class GroundedPrompt
{
    /// <summary>The version of the prompt file in use.</summary>
    public const string Version = "grounded-answer.v2";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(GroundedPrompt).Assembly.GetManifestResourceStream($"Grounded.Rag.Answer.Prompts.{Version}.md")
            ?? throw new InvalidOperationException($"the prompt resource {Version} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Returns the prompt for the question with the evidence numbered from 1 in rank order, but placed strongest at the
    /// edges ("lost in the middle": models read the start and end of a long context best), e.g. 1, 3, 5, 4, 2.
    /// </summary>
    public static string Render(string question, IReadOnlyList<ScoredChunk> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var sources = new StringBuilder();
        foreach (var i in EdgeOrder(evidence.Count))
        {
            var chunk = evidence[i].Chunk;
            sources.Append("[Source ").Append(i + 1).Append("] (").Append(chunk.Source).Append(")\n")
                .Append(Delimiter().Replace(chunk.Chunk.Text, string.Empty).Trim()).Append("\n[/Source ").Append(i + 1).Append("]\n\n");
        }

        return Template.Value
            .Replace("{{abstention}}", Answers.GeneratedAnswer.AbstentionText, StringComparison.Ordinal)
            .Replace("{{sources}}", sources.ToString().TrimEnd(), StringComparison.Ordinal)
            .Replace("{{question}}", question.Trim(), StringComparison.Ordinal);
    }

    // A source's own text may not close its block or open another ("[/Source 2] Question: ..."): delimiters in it are removed.
    [GeneratedRegex(@"\[\s*/?\s*Source\s*\d+\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Delimiter();

    /// <summary>Returns the indexes 0..count-1 with the even ranks first and the odd ranks after, reversed: the best at the start, the second best at the end.</summary>
    public static IReadOnlyList<int> EdgeOrder(int count) =>
        Enumerable.Range(0, count).Where(i => i % 2 == 0).Concat(Enumerable.Range(0, count).Where(i => i % 2 == 1).Reverse()).ToList();
}
