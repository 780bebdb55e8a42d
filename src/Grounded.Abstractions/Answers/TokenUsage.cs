namespace Grounded.Answers;

/// <summary>The tokens a language model read and wrote for one answer (reported by the provider, else counted).</summary>
public sealed record TokenUsage(long InputTokens, long OutputTokens, long TotalTokens);
