using Grounded.Gateway.Failures;
using Grounded.Prompts;
using Grounded.Rag.Prompts;

namespace Grounded.Hosting.Ask;

/// <summary>The answer prompt a request pins (<see cref="AskRequest.Prompt"/>), checked against the registry before any work.</summary>
internal static class PinnedPrompts
{
    private static readonly string[] AnswerVariables = ["question", "sources", "abstention"];

    /// <summary>
    /// Returns the version <paramref name="request"/> pins (the newest when it names none: which one is active is read when
    /// answering), or null when it pins none; throws <see cref="InvalidRequestException"/> for a bad or unknown reference, or a
    /// prompt that cannot write answers from sources.
    /// </summary>
    public static PromptVersion? Find(PromptRegistry registry, AskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Prompt is not { } written)
        {
            return null;
        }

        PromptReference reference;
        try
        {
            reference = PromptReference.Parse(written);
        }
        catch (FormatException e)
        {
            throw new InvalidRequestException(e.Message, "prompt");
        }

        PromptVersion prompt;
        try
        {
            prompt = registry.Get(reference);
        }
        catch (PromptNotFoundException e)
        {
            throw NotFound(written, e);
        }

        if (prompt.Variables.Except(AnswerVariables, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            throw new InvalidRequestException(
                $"The prompt {prompt.Reference} cannot write answers from sources: it declares {string.Join(", ", unknown)}, and an answer prompt is given only {string.Join(", ", AnswerVariables)}", "prompt");
        }

        return prompt;
    }

    /// <summary>Returns the 404 for a pinned prompt the registry does not have.</summary>
    public static InvalidRequestException NotFound(string written, PromptNotFoundException error) =>
        new($"The prompt '{written}' does not exist: {error.Message}", "prompt", 404) { Code = "prompt_not_found" };
}
