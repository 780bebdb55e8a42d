using System.Text.Json;
using System.Text.Json.Serialization;
using Grounded.Access;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Loop;

/// <summary>
/// Everything a run needs to go on, as the store keeps it: the run as shown, the agent file it runs (its text, so a change to
/// the file does not change a paused run), who it acts for, the conversation so far, its active time and its approved calls.
/// </summary>
internal sealed class AgentRunState
{
    private static readonly JsonSerializerOptions Json = new(AIJsonUtilities.DefaultOptions)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false,
    };

    public required AgentRun Run { get; set; }

    /// <summary>Gets the agent file's text.</summary>
    public required string AgentYaml { get; init; }

    /// <summary>Gets the agent file's path (relative paths in it are read from its folder); null for an agent not read from a file.</summary>
    public string? AgentFile { get; init; }

    public required CallerIdentity Caller { get; init; }

    public List<ChatMessage> Messages { get; init; } = [];

    /// <summary>Gets or sets the milliseconds the run has been working (waits for approval excluded), for its timeout.</summary>
    public long ActiveMs { get; set; }

    /// <summary>Gets the ids of the tool calls a person approved.</summary>
    public HashSet<string> Approved { get; init; } = [];

    /// <summary>Gets or sets the store's version of the run (not part of the document).</summary>
    [JsonIgnore]
    public long Version { get; set; }

    public static JsonSerializerOptions Options => Json;

    public AgentRunRecord ToRecord() => new(Run.RunId, Run.Tenant, Run.Agent, Run.Status, Run.CreatedAt, Run.UpdatedAt, Version + 1, JsonSerializer.Serialize(this, Json));

    public static AgentRunState FromRecord(AgentRunRecord record)
    {
        var state = JsonSerializer.Deserialize<AgentRunState>(record.Document, Json) ?? throw new JsonException($"agent run {record.Id} is stored empty");
        state.Version = record.Version;
        return state;
    }

    /// <summary>Returns the tool calls of the model's last answer that have no result yet, in the order it asked for them.</summary>
    public IReadOnlyList<FunctionCallContent> PendingCalls()
    {
        var last = Messages.FindLastIndex(m => m.Role == ChatRole.Assistant);
        if (last < 0)
        {
            return [];
        }

        var answered = Messages.Skip(last + 1).SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet(StringComparer.Ordinal);
        return [.. Messages[last].Contents.OfType<FunctionCallContent>().Where(c => !answered.Contains(c.CallId))];
    }
}
