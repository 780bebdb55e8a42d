using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grounded.Prompts;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// The rubric an LLM judge scores answers with: a system part and a user template with the placeholders
/// <c>{{question}}</c>, <c>{{reference}}</c>, <c>{{answer}}</c> and <c>{{sources}}</c>, and the prompt reference
/// (<c>id@version</c>) it is recorded and cached under. The judge must reply with JSON <c>{"score": 1-5, "reason": "..."}</c>.
/// </summary>
/// <param name="Ref">The prompt reference, such as <c>answer-judge@1.0.0</c>.</param>
/// <param name="System">The system part.</param>
/// <param name="UserTemplate">The user part, with placeholders.</param>
public sealed record JudgePrompt(string Ref, string System, string UserTemplate)
{
    /// <summary>Gets the sampling temperature; null leaves the model's default (repeats then show the judge's variance).</summary>
    public double? Temperature { get; init; }

    /// <summary>Gets the most tokens a verdict may take. The default is 300.</summary>
    public int MaxOutputTokens { get; init; } = 300;

    /// <summary>
    /// The <c>{{reference}}</c> of an unanswerable item: the exact text the <c>answer-judge</c> rubric tells the judge to
    /// recognise (an abstention then scores 5).
    /// </summary>
    public const string UnanswerableReference = "(none: the question is unanswerable from the sources)";

    /// <summary>The built-in rubric version used when no version of <see cref="RegistryId"/> is promoted.</summary>
    public const string DefaultRef = "answer-judge@1.0.0";

    /// <summary>The registry id of the answer-quality rubric (<c>prompts/answer-judge/VERSION.yaml</c>).</summary>
    public const string RegistryId = "answer-judge";

    /// <summary>
    /// Returns the rubric a registry prompt (<c>answer-judge</c>) states: its system and user templates, its reference and its
    /// parameters; throws <see cref="ArgumentException"/> when it uses a variable a judge cannot fill.
    /// </summary>
    public static JudgePrompt From(PromptVersion prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Variables.Except(Placeholders, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            throw new ArgumentException($"the judge prompt {prompt.Reference} declares {string.Join(", ", unknown)}: a judge fills only {string.Join(", ", Placeholders)}", nameof(prompt));
        }

        return new JudgePrompt(prompt.Reference, prompt.Template.System, prompt.Template.User)
        {
            Temperature = prompt.Parameters.Temperature,
            MaxOutputTokens = prompt.Parameters.MaxTokens ?? 300,
        };
    }

    /// <summary>Gets the variables a judge fills (what the <c>answer-judge</c> registry id must declare).</summary>
    public static IReadOnlyList<string> Variables { get; } = ["question", "reference", "answer", "sources"];

    private static IReadOnlyList<string> Placeholders => Variables;

    /// <summary>
    /// Gets a hash of everything that shapes a verdict besides the item (system part, user template, parameters): part of
    /// the judge cache's key, so an edited rubric under the same reference is never served an old verdict.
    /// </summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        System, UserTemplate, Temperature?.ToString("R", CultureInfo.InvariantCulture) ?? "-", MaxOutputTokens.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>Returns the user message for one answer, filled in one pass (a question or answer holding <c>{{answer}}</c> is left as written).</summary>
    public string Render(string question, string reference, string answer, string sources) =>
        PromptTemplate.Fill(UserTemplate, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["question"] = question, ["reference"] = reference, ["answer"] = answer, ["sources"] = sources,
        });
}
