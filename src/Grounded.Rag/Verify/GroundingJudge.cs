using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Grounded.Answers;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Verify;

/// <summary>
/// A language model that judges claims against their sources (<c>guards.grounding.judge</c>): one request per answer,
/// at temperature 0, with the versioned prompt <c>Verify/Prompts/grounding-judge.v1.md</c>; one verdict line per claim.
/// </summary>
/// <param name="client">The gateway's client (the request pipeline: budgets, usage and guards apply).</param>
/// <param name="model">The configured model (or route) that judges.</param>
/// <param name="options">The request options (the caller's request context attached); temperature is set to 0.</param>
public sealed partial class GroundingJudge(IChatClient client, string model, ChatOptions? options = null)
{
    /// <summary>The version of the prompt file in use.</summary>
    public const string Version = "grounding-judge.v1";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(GroundingJudge).Assembly.GetManifestResourceStream($"Grounded.Rag.Verify.Prompts.{Version}.md")
            ?? throw new InvalidOperationException($"the prompt resource {Version} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Gets the judging model's name, as the grounding reports it (<c>judge:NAME</c>).</summary>
    public string Model => model;

    /// <summary>
    /// Returns each claim's verdict, in order: true supported, false unsupported, null when the reply did not say
    /// (the caller falls back to its local score). Throws what the model call throws.
    /// </summary>
    internal async Task<bool?[]> JudgeAsync(IReadOnlyList<(string Claim, IReadOnlyList<(int N, string Text)> Sources)> claims, CancellationToken cancellationToken)
    {
        var prompt = Render(claims);
        var request = options?.Clone() ?? new ChatOptions();
        request.ModelId ??= model;
        request.Temperature = 0;
        request.MaxOutputTokens = Math.Min(request.MaxOutputTokens ?? int.MaxValue, 16 + (12 * claims.Count));
        request.AdditionalProperties = request.AdditionalProperties?.Clone() ?? [];
        // A semantic cache may serve a verdict only for the very same prompt: the scope is the whole prompt.
        request.AdditionalProperties[AnswerCacheHints.TextKey] = Version;
        request.AdditionalProperties[AnswerCacheHints.ScopeKey] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)));
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], request, cancellationToken).ConfigureAwait(false);
        return Parse(response.Text, claims.Count);
    }

    /// <summary>Returns the prompt for the claims: every source they cite once, then the claims with their sources.</summary>
    internal static string Render(IReadOnlyList<(string Claim, IReadOnlyList<(int N, string Text)> Sources)> claims)
    {
        var sources = new StringBuilder();
        foreach (var (n, text) in claims.SelectMany(c => c.Sources).DistinctBy(s => s.N).OrderBy(s => s.N))
        {
            sources.Append(CultureInfo.InvariantCulture, $"[Source {n}]\n{text.Trim()}\n[/Source {n}]\n\n");
        }

        var list = new StringBuilder();
        for (var i = 0; i < claims.Count; i++)
        {
            list.Append(CultureInfo.InvariantCulture, $"{i + 1}. (sources {string.Join(", ", claims[i].Sources.Select(s => s.N))}) {claims[i].Claim}\n");
        }

        return Template.Value
            .Replace("{{sources}}", sources.ToString().TrimEnd(), StringComparison.Ordinal)
            .Replace("{{claims}}", list.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>Reads the verdict lines; a claim without a line (or with two that disagree) gets null.</summary>
    internal static bool?[] Parse(string reply, int count)
    {
        var verdicts = new bool?[count];
        var conflicting = new bool[count];
        foreach (Match m in Verdict().Matches(reply ?? string.Empty))
        {
            if (!int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > count || conflicting[n - 1])
            {
                continue;
            }

            var supported = m.Groups["v"].Value.Equals("SUPPORTED", StringComparison.OrdinalIgnoreCase);
            conflicting[n - 1] = verdicts[n - 1] is { } earlier && earlier != supported;
            verdicts[n - 1] = conflicting[n - 1] ? null : supported;
        }

        return verdicts;
    }

    [GeneratedRegex(@"^\W*(?<n>\d+)\s*[:.)\-]\s*\**\s*(?<v>SUPPORTED|UNSUPPORTED|NOT SUPPORTED)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Verdict();
}
