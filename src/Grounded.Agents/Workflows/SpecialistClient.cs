using System.Runtime.CompilerServices;
using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Workflows;

/// <summary>
/// One specialist of a multi-agent run, as the chat client its Agent Framework agent talks to: each call runs the specialist's
/// own tool loop (its instructions, tools and caps, within what the whole run has left) on the conversation it is given, adds
/// the specialist's steps and spend to the run, and answers with the specialist's final text.
/// </summary>
internal sealed class SpecialistClient(WorkflowRun run, AgentDefinition definition, string instructions) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var answer = await run.RunSpecialistAsync(definition, instructions, Conversation(messages), cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer) { AuthorName = definition.Name });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    // What the specialist sees: the task and what earlier specialists answered, as text; never another agent's tool traffic.
    private static List<ChatMessage> Conversation(IEnumerable<ChatMessage> messages) =>
        [.. messages.Where(m => m.Role != ChatRole.System && m.Role != ChatRole.Tool && !string.IsNullOrWhiteSpace(m.Text))
            .Select(m => m.Role == ChatRole.User ? new ChatMessage(ChatRole.User, m.Text) : new ChatMessage(ChatRole.User, $"{m.AuthorName ?? "another agent"} answered:\n{m.Text}"))];
}
