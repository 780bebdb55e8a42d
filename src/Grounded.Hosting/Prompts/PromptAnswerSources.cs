using System.Diagnostics;
using Grounded.Answers;
using Grounded.Evaluation.Answers;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Hosting.Ask;
using Grounded.Prompts;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Prompts;

/// <summary>How a prompt version answers a data set's questions when it is evaluated; every answer is a usage ledger row (route <c>eval</c>).</summary>
internal static class PromptAnswerSources
{
    /// <summary>The route evaluation traffic is recorded under in the usage ledger.</summary>
    public const string Route = "eval";

    /// <summary>Returns answers from sources written with <paramref name="prompt"/> pinned (the stack's ask path, kept out of the query log); throws <see cref="InvalidRequestException"/> when it cannot be.</summary>
    public static AnswerSource Ask(GroundedStack stack, PromptVersion prompt)
    {
        stack.Validate(new AskRequest { Question = "?", Prompt = prompt.Reference });
        return (item, cancellationToken) => RecordedAsync(stack, context =>
            stack.AskAsync(new AskRequest { Question = item.Question, Prompt = prompt.Reference }, context, logQuery: false, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Returns the replies of <paramref name="model"/> to <paramref name="prompt"/> rendered with each question as <c>question</c>
    /// (and <c>input</c>, or the prompt's only variable, when it declares one); throws <see cref="InvalidRequestException"/> when
    /// the model is not configured or the prompt has variables a question cannot fill.
    /// </summary>
    public static AnswerSource Template(GroundedStack stack, PromptVersion prompt, string model)
    {
        if (stack.Gateway.Options.Find(model) is null && !stack.Gateway.Routes.IsRoute(model))
        {
            throw InvalidRequestException.UnknownModel(model, stack.Gateway.Options.Names);
        }

        var filled = (prompt.Variables.Count == 1 ? [prompt.Variables[0], "question", "input"] : new[] { "question", "input" }).Distinct(StringComparer.Ordinal).ToList();
        if (prompt.Variables.Except(filled, StringComparer.Ordinal).ToList() is { Count: > 0 } unfilled)
        {
            throw new InvalidRequestException($"it declares {string.Join(", ", unfilled)}, and a data set item gives only its question (as question, input, or a prompt's only variable)", "prompt");
        }

        return (item, cancellationToken) => RecordedAsync(stack, async context =>
        {
            var variables = filled.ToDictionary(v => v, _ => item.Question, StringComparer.Ordinal);
            var (system, user) = prompt.Render(variables);
            List<ChatMessage> messages = system.Length > 0 ? [new(ChatRole.System, system), new(ChatRole.User, user)] : [new(ChatRole.User, user)];
            context.PromptId = prompt.Reference;
            context.RequestedModel = model;
            var options = new ChatOptions
            {
                ModelId = model, Temperature = (float)(prompt.Parameters.Temperature ?? 0), TopP = (float?)prompt.Parameters.TopP, MaxOutputTokens = prompt.Parameters.MaxTokens,
            };
            var started = Stopwatch.GetTimestamp();
            var response = await stack.Gateway.Client.GetResponseAsync(messages, context.AttachTo(options), cancellationToken).ConfigureAwait(false);
            var text = response.Text.Trim();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new GroundedAnswer(item.Question, text, text.Length == 0 || text == GeneratedAnswer.AbstentionText, model, [], new AnswerTimings(0, ms, ms));
        }, cancellationToken);
    }

    // Each answer a model writes is accounted like one `grounded ask` writes: a row in the store's usage ledger.
    private static async Task<GroundedAnswer> RecordedAsync(GroundedStack stack, Func<GatewayContext, Task<GroundedAnswer>> answer, CancellationToken cancellationToken)
    {
        var context = new GatewayContext(Route);
        var started = Stopwatch.GetTimestamp();
        var status = 500;
        try
        {
            var answered = await answer(context).ConfigureAwait(false);
            status = 200;
            return answered;
        }
        finally
        {
            stack.RecordUsage(context, cancellationToken.IsCancellationRequested ? 499 : status, Stopwatch.GetElapsedTime(started));
        }
    }
}
