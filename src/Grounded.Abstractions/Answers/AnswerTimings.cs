namespace Grounded.Answers;

/// <summary>Where the time of one question went, in milliseconds.</summary>
public sealed record AnswerTimings(double RetrieveMs, double GenerateMs, double TotalMs);
