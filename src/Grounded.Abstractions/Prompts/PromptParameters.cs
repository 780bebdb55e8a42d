namespace Grounded.Prompts;

/// <summary>The model parameters a prompt is written for; each null leaves it to the caller (a request's own value always wins).</summary>
/// <param name="Temperature">The sampling temperature, 0 to 2.</param>
/// <param name="TopP">The nucleus sampling mass, 0 to 1.</param>
/// <param name="MaxTokens">The most tokens the model may write, at least 1.</param>
public sealed record PromptParameters(double? Temperature = null, double? TopP = null, int? MaxTokens = null);
