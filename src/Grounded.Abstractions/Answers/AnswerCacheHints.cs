namespace Grounded.Answers;

/// <summary>
/// What an answer prompt tells the gateway's semantic cache through <c>ChatOptions.AdditionalProperties</c>: the question
/// it compares by meaning, and what the rest of the prompt was made from (its sources), which must match exactly.
/// </summary>
public static class AnswerCacheHints
{
    /// <summary>The key of the question (a string).</summary>
    public const string TextKey = "grounded.cache.text";

    /// <summary>The key of the sources' fingerprint (a string): a changed source changes it, so an answer built on the old text is never served.</summary>
    public const string ScopeKey = "grounded.cache.scope";
}
