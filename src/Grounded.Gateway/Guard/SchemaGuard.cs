using System.Text.Json;
using Grounded.Gateway.Failures;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// Answers to requests whose <c>response_format</c> names a JSON schema are validated against it; an invalid one is sent
/// back to the model once with the errors (the repair attempt, through the rest of the pipeline like any call), and if
/// the second answer is invalid too the request fails with <see cref="InvalidOutputException"/> (502).
/// </summary>
internal sealed class SchemaGuard(SchemaGuardOptions options)
{
    /// <summary>Returns the schema a request asks its answer to match, or null.</summary>
    public static JsonElement? SchemaOf(ChatOptions? options) =>
        options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } ? schema : null;

    /// <summary>Checks a whole answer, repairing it once when allowed; returns the answer to send.</summary>
    public async Task<ChatResponse> CheckAsync(ChatResponse response, JsonElement schema, IList<ChatMessage> messages, ChatOptions request, IChatClient next,
        Action<GuardDecision> record, CancellationToken cancellationToken)
    {
        var errors = SchemaValidator.Validate(schema, response.Text);
        if (errors.Count == 0)
        {
            record(new GuardDecision(GuardNames.Schema, GuardActions.Allow, "valid", []));
            return response;
        }

        if (!options.Repair)
        {
            throw Fail(errors, record, request);
        }

        List<ChatMessage> repair = [.. messages, new(ChatRole.Assistant, response.Text), new(ChatRole.User, RepairPrompt(errors))];
        var repaired = await next.GetResponseAsync(repair, request, cancellationToken).ConfigureAwait(false);
        var second = SchemaValidator.Validate(schema, repaired.Text);
        if (second.Count > 0)
        {
            throw Fail(second, record, request);
        }

        // Both calls were paid for: the answer reports the usage of both.
        if (response.Usage is { } first)
        {
            var total = new UsageDetails();
            total.Add(first);
            if (repaired.Usage is { } again)
            {
                total.Add(again);
            }

            repaired.Usage = total;
        }

        record(new GuardDecision(GuardNames.Schema, GuardActions.Flag, $"invalid ({errors.Count} error(s)), repaired in 1 attempt", []));
        return repaired;
    }

    /// <summary>Checks a streamed answer once it has ended (it was sent as it came: no repair is possible).</summary>
    public static void CheckStreamed(string text, JsonElement schema, ChatOptions? options, Action<GuardDecision> record)
    {
        var errors = SchemaValidator.Validate(schema, text);
        if (errors.Count > 0)
        {
            throw Fail(errors, record, options);
        }

        record(new GuardDecision(GuardNames.Schema, GuardActions.Allow, "valid", []));
    }

    private static InvalidOutputException Fail(IReadOnlyList<string> errors, Action<GuardDecision> record, ChatOptions? options)
    {
        record(new GuardDecision(GuardNames.Schema, GuardActions.Block, $"invalid ({errors.Count} error(s))", []));
        return new InvalidOutputException(errors, options?.ModelId);
    }

    private static string RepairPrompt(IReadOnlyList<string> errors) =>
        "Your previous answer does not match the required JSON schema. Errors:\n- " + string.Join("\n- ", errors.Take(10))
        + "\nAnswer again with only the corrected JSON, which must match the schema exactly; no explanation, no code fence.";
}
