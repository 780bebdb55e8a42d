using Grounded.Answers;
using Grounded.Guards.Pii;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// One request as its input guards see it, rewritten as they go (redaction, pseudonymization): its messages and options,
/// the vault of its pseudonyms, and the texts its checks read. A question sent with the RAG answer prompt (the cache hint
/// <see cref="AnswerCacheHints.TextKey"/>) is what injection, topic, toxicity and moderation read instead of the prompt,
/// whose retrieved sources are the retrieval guards' to judge.
/// </summary>
internal sealed class InputCheck(IList<ChatMessage> messages, ChatOptions? options)
{
    /// <summary>Gets the messages, rewritten by the guards that rewrite.</summary>
    public IList<ChatMessage> Messages { get; private set; } = messages;

    /// <summary>Gets the options, whose question hint is rewritten with the messages.</summary>
    public ChatOptions? Options { get; private set; } = options;

    /// <summary>Gets or sets the request's pseudonyms (pseudonymize mode), restored in its answer.</summary>
    public PiiVault? Vault { get; set; }

    /// <summary>Gets the question of a RAG answer prompt, null for other requests.</summary>
    public string? Question => Options?.AdditionalProperties?.TryGetValue(AnswerCacheHints.TextKey, out var value) == true ? value as string : null;

    /// <summary>Returns what injection, toxicity and moderation read: the question, else the user and tool messages' texts.</summary>
    public IReadOnlyList<string> Checked() =>
        Question is { } question ? [question] : GuardText.Units(Messages, IsUserOrTool).Select(u => u.Text).ToList();

    /// <summary>Returns what the topic policy reads: the question, else the last user message's text.</summary>
    public string? LastUserText() =>
        Question ?? GuardText.Units(Messages, r => r == ChatRole.User).Select(u => u.Text).LastOrDefault();

    /// <summary>Rewrites every text of the roles <paramref name="roles"/> (and the question) with <paramref name="rewrite"/>.</summary>
    public void Rewrite(Func<ChatRole, bool> roles, Func<string, string> rewrite)
    {
        var units = GuardText.Units(Messages, roles);
        Messages = GuardText.Rewrite(Messages, units, [.. units.Select(u => rewrite(u.Text))]);
        if (Question is { } question && rewrite(question) is var rewritten && !string.Equals(rewritten, question, StringComparison.Ordinal))
        {
            Options = Options!.Clone();
            Options.AdditionalProperties = Options.AdditionalProperties!.Clone();
            Options.AdditionalProperties[AnswerCacheHints.TextKey] = rewritten;
        }
    }

    /// <summary>Rewrites what <see cref="Checked"/> returned, text by text: the question (and its copy inside the prompt), else the user and tool messages.</summary>
    public void RewriteChecked(Func<string, string> rewrite)
    {
        if (Question is { } question)
        {
            var rewritten = rewrite(question);
            Rewrite(r => r == ChatRole.User, text => text.Replace(question, rewritten, StringComparison.Ordinal));
            return;
        }

        Rewrite(IsUserOrTool, rewrite);
    }

    public static bool IsUserOrTool(ChatRole role) => role == ChatRole.User || role == ChatRole.Tool;
}
