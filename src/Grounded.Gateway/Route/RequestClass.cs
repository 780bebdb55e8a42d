namespace Grounded.Gateway.Route;

/// <summary>
/// What kind of request a route sees, as <see cref="RequestClassifier"/> decides it from the request's features. When
/// several apply, the first in this order wins: a long prompt must fit a window before anything else matters.
/// </summary>
public enum RequestClass
{
    /// <summary>The prompt is long (above the route's <c>longAboveTokens</c>): a model with a large window.</summary>
#pragma warning disable CA1720 // "long" is the class's name in config files, headers and the issue that asked for it.
    Long,
#pragma warning restore CA1720

    /// <summary>The last user message holds code or asks for it (a fenced block, code lines, code words).</summary>
    Code,

    /// <summary>The last user message asks for reasoning: proofs, step-by-step work, equations, puzzles.</summary>
    Reasoning,

    /// <summary>The request asks for a long answer (<c>max_tokens</c> above the route's <c>longOutputAboveTokens</c>).</summary>
    LongOutput,

    /// <summary>A deep conversation (more user turns than the route's <c>conversationAboveTurns</c>).</summary>
    Conversation,

    /// <summary>The last user message is mostly in a non-Latin script (Chinese, Japanese, Cyrillic, Arabic, ...).</summary>
    Multilingual,

    /// <summary>None of the above: a short, plain request.</summary>
    Simple,
}
