using System.Globalization;
using Grounded.Gateway.Config;
using Grounded.Gateway.Providers;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Route;

/// <summary>
/// Puts a request in a <see cref="RequestClass"/> from cheap features, with no model call and no tokenizer: the prompt's
/// size (estimated from its characters), the conversation's depth, the requested output size, and cues read from the last
/// user message (code fences, code lines and words, reasoning words, math, non-Latin letters). Thresholds are the route's.
/// </summary>
public sealed class RequestClassifier
{
    /// <summary>
    /// How many characters of the last user message are read for cues: all of a shorter one, else its first and last
    /// halves of this (where a request states what it wants); the rest counts toward the size only.
    /// </summary>
    public const int ScanLimit = 4 * 1024;

    private readonly ModelRouteOptions _route;

    /// <summary>Creates a classifier with <paramref name="route"/>'s thresholds.</summary>
    public RequestClassifier(ModelRouteOptions route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _route = route;
    }

    /// <summary>Classifies a request: its messages and the answer size it asked for.</summary>
    public RequestClassification Classify(IEnumerable<ChatMessage> messages, int? maxOutputTokens)
    {
        var features = Read(messages, maxOutputTokens);
        var (requestClass, reason) = Decide(features);
        return new RequestClassification(requestClass, reason, features);
    }

    private RequestFeatures Read(IEnumerable<ChatMessage> messages, int? maxOutputTokens)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var tokens = 3; // as PromptTokenCounter counts: a reply primer, and a few tokens per message
        var turns = 0;
        ChatMessage? lastUser = null;
        foreach (var message in messages)
        {
            tokens += 4;
            if (message.Role == ChatRole.User)
            {
                turns++;
                lastUser = message;
            }

            foreach (var content in message.Contents)
            {
                tokens += content switch
                {
                    TextContent t => TextSignals.EstimateTokens(t.Text),
                    FunctionCallContent f => TextSignals.EstimateTokens(f.Name) + TextSignals.EstimateTokens(ToolCallArguments.Text(f)),
                    FunctionResultContent r => TextSignals.EstimateTokens(r.Result?.ToString()),
                    _ => 0,
                };
            }
        }

        // A long prompt is long whatever it holds: its cues are not read.
        var text = tokens > _route.LongAboveTokens ? [] : LastUserText(lastUser).AsSpan();
        var cues = new CueTally();
        var signals = text.Length <= ScanLimit
            ? TextSignals.Scan(text, cues)
            : TextSignals.Scan(text[..(ScanLimit / 2)], cues) + TextSignals.Scan(text[^(ScanLimit / 2)..], cues);
        return new RequestFeatures
        {
            PromptTokens = tokens,
            UserTurns = turns,
            MaxOutputTokens = maxOutputTokens,
            CodeFence = signals.Fence,
            CodeLines = signals.CodeLines,
            CodeWords = cues.CodeWords,
            ReasoningCues = cues.ReasoningCues,
            MathSymbols = signals.MathSymbols + cues.Latex,
            NonLatinShare = Math.Round(signals.NonLatinShare, 3),
        };
    }

    private (RequestClass Class, string Reason) Decide(RequestFeatures f)
    {
        if (f.PromptTokens > _route.LongAboveTokens)
        {
            return (RequestClass.Long, Invariant($"long: ~{f.PromptTokens} prompt tokens > {_route.LongAboveTokens}"));
        }

        if (f.CodeFence)
        {
            return (RequestClass.Code, "code: fenced block");
        }

        if (f.CodeLines >= 3 || f.CodeWords.Count >= 2 || f.CodeLines + f.CodeWords.Count >= 3)
        {
            var words = f.CodeWords.Count > 0 ? "words " + List(f.CodeWords) : null;
            var lines = f.CodeLines > 0 ? Invariant($"{f.CodeLines} code lines") : null;
            return (RequestClass.Code, "code: " + string.Join(", ", new[] { lines, words }.OfType<string>()));
        }

        var strong = f.ReasoningCues.Count(c => RequestCues.StrongReasoning.Contains(c, StringComparer.Ordinal));
        var score = (2 * strong) + (f.ReasoningCues.Count - strong) + Math.Min(f.MathSymbols, 2);
        if (score >= 2)
        {
            var cues = f.ReasoningCues.Count > 0 ? "cues " + List(f.ReasoningCues) : null;
            var math = f.MathSymbols > 0 ? Invariant($"{f.MathSymbols} math symbols") : null;
            return (RequestClass.Reasoning, "reasoning: " + string.Join(", ", new[] { cues, math }.OfType<string>()));
        }

        if (f.MaxOutputTokens > _route.LongOutputAboveTokens)
        {
            return (RequestClass.LongOutput, Invariant($"longOutput: max_tokens {f.MaxOutputTokens} > {_route.LongOutputAboveTokens}"));
        }

        if (f.UserTurns > _route.ConversationAboveTurns)
        {
            return (RequestClass.Conversation, Invariant($"conversation: {f.UserTurns} user turns > {_route.ConversationAboveTurns}"));
        }

        if (f.NonLatinShare > _route.MultilingualAboveShare)
        {
            return (RequestClass.Multilingual, Invariant($"multilingual: {Math.Round(f.NonLatinShare * 100)}% non-Latin letters"));
        }

        var weak = f.ReasoningCues.Count + f.CodeWords.Count + f.CodeLines + f.MathSymbols;
        return (RequestClass.Simple, Invariant($"simple: ~{f.PromptTokens} prompt tokens, ") + (weak == 0 ? "no cues" : "weak cues " + List([.. f.CodeWords, .. f.ReasoningCues])).TrimEnd());
    }

    private static string LastUserText(ChatMessage? message)
    {
        if (message is null)
        {
            return string.Empty;
        }

        var texts = message.Contents.OfType<TextContent>().ToList();
        return texts.Count == 1 ? texts[0].Text : string.Concat(texts.Select(t => t.Text));
    }

    private static string List(IReadOnlyList<string> cues) => string.Join("/", cues.Take(3)) + (cues.Count > 3 ? "/..." : string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
