using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Access;
using Grounded.Gateway.Context;
using Grounded.Hosting.Feedback;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Requests;

/// <summary>The receipts of chat completions and responses, which <c>POST /v1/feedback</c> fills feedback from.</summary>
internal static class CompletionReceipts
{
    /// <summary>Returns the receipt of the completion <paramref name="id"/> of <paramref name="messages"/>, which said <paramref name="text"/>.</summary>
    public static ResponseReceipt Of(string id, GatewayContext context, IEnumerable<ChatMessage> messages, string text) =>
        new(id, context.Tenant ?? Tenants.Default, context.Route)
        {
            KeyId = context.Caller,
            PromptId = context.PromptId,
            Model = context.ServedBy ?? context.RequestedModel,
            Question = context.SentQuestion ?? messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text,
            Answer = text,
        };

    /// <summary>Passes <paramref name="updates"/> on as they come, gathering their text into <paramref name="text"/>.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> Gather(IAsyncEnumerable<ChatResponseUpdate> updates, StringBuilder text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            yield return update;
        }
    }
}
