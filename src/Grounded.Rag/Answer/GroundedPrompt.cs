using System.Text;
using Grounded.Chunks;

namespace Grounded.Rag.Answer;

/// <summary>The versioned prompt of the LLM answerer (<c>Answer/Prompts/grounded-answer.v1.md</c>, embedded): sources delimited as <c>[Source N]</c>.</summary>
public static class GroundedPrompt
{
    /// <summary>The version of the prompt file in use.</summary>
    public const string Version = "grounded-answer.v1";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(GroundedPrompt).Assembly.GetManifestResourceStream($"Grounded.Rag.Answer.Prompts.{Version}.md")
            ?? throw new InvalidOperationException($"the prompt resource {Version} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Returns the prompt for the question with the evidence numbered from 1.</summary>
    public static string Render(string question, IReadOnlyList<ScoredChunk> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var sources = new StringBuilder();
        for (var i = 0; i < evidence.Count; i++)
        {
            var chunk = evidence[i].Chunk;
            sources.Append("[Source ").Append(i + 1).Append("] (").Append(chunk.Source).Append(")\n")
                .Append(chunk.Chunk.Text.Trim()).Append("\n[/Source ").Append(i + 1).Append("]\n\n");
        }

        return Template.Value
            .Replace("{{abstention}}", Answers.GeneratedAnswer.AbstentionText, StringComparison.Ordinal)
            .Replace("{{sources}}", sources.ToString().TrimEnd(), StringComparison.Ordinal)
            .Replace("{{question}}", question.Trim(), StringComparison.Ordinal);
    }
}
