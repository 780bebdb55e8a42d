using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Grounded.Answers;
using Grounded.Prompts;
using Grounded.Rag.Prompts;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Verify;

/// <summary>
/// A language model that judges claims against their sources (<c>guards.grounding.judge</c>): one request per answer,
/// at temperature 0, with the registry prompt <c>grounding-judge</c> (<c>prompts/grounding-judge/VERSION.yaml</c>; the
/// caller passes the active version, else <see cref="Version"/>); one verdict line per claim.
/// </summary>
/// <param name="client">The gateway's client (the request pipeline: budgets, usage and guards apply).</param>
/// <param name="model">The configured model (or route) that judges.</param>
/// <param name="options">The request options (the caller's request context attached); temperature is set to 0.</param>
/// <param name="prompt">The version of <c>grounding-judge</c> to judge with; null: <see cref="Version"/>.</param>
public sealed partial class GroundingJudge(IChatClient client, string model, ChatOptions? options = null, PromptVersion? prompt = null)
{
    /// <summary>The registry id of the judge's prompt.</summary>
    public const string Id = "grounding-judge";

    /// <summary>The version used when the caller passes none: <c>id@version</c>.</summary>
    public const string Version = "grounding-judge@1.0.0";

    private static readonly Lazy<PromptVersion> DefaultPrompt = new(() => PromptRegistry.BuiltIn.Get(PromptReference.Parse(Version)));

    /// <summary>Gets the built-in version used when the caller passes none.</summary>
    public static PromptVersion Default => DefaultPrompt.Value;

    /// <summary>Gets the prompt version the judge uses.</summary>
    public PromptVersion Prompt => prompt ?? Default;

    /// <summary>Gets the judging model's name, as the grounding reports it (<c>judge:NAME</c>).</summary>
    public string Model => model;

    /// <summary>
    /// Returns each claim's verdict, in order: true supported, false unsupported, null when the reply did not say
    /// (the caller falls back to its local score). Throws what the model call throws.
    /// </summary>
    internal async Task<bool?[]> JudgeAsync(IReadOnlyList<(string Claim, IReadOnlyList<(int N, string Text)> Sources)> claims, CancellationToken cancellationToken)
    {
        var (system, user) = Render(claims, Prompt);
        var request = options?.Clone() ?? new ChatOptions();
        request.ModelId ??= model;
        request.Temperature = 0;
        request.MaxOutputTokens = Math.Min(request.MaxOutputTokens ?? int.MaxValue, 16 + (12 * claims.Count));
        request.AdditionalProperties = request.AdditionalProperties?.Clone() ?? [];
        // A semantic cache may serve a verdict only for the very same prompt: the scope is the whole prompt.
        request.AdditionalProperties[AnswerCacheHints.TextKey] = Prompt.Reference;
        request.AdditionalProperties[AnswerCacheHints.ScopeKey] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(system.Length > 0 ? system + "\u0000" + user : user)));
        List<ChatMessage> messages = system.Length > 0 ? [new(ChatRole.System, system), new(ChatRole.User, user)] : [new(ChatRole.User, user)];
        var response = await client.GetResponseAsync(messages, request, cancellationToken).ConfigureAwait(false);
        return Parse(response.Text, claims.Count);
    }

    /// <summary>Returns the prompt for the claims: every source they cite once, then the claims with their sources.</summary>
    internal static (string System, string User) Render(IReadOnlyList<(string Claim, IReadOnlyList<(int N, string Text)> Sources)> claims, PromptVersion? prompt = null)
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

        return (prompt ?? Default).Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sources"] = sources.ToString().TrimEnd(),
            ["claims"] = list.ToString().TrimEnd(),
        });
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
