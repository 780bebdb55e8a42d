namespace Grounded.Agents;

/// <summary>Where an agent run stands.</summary>
public static class AgentRunStatus
{
    /// <summary>The most runs one listing returns.</summary>
    public const int MaxListed = 1000;

    /// <summary>Still working (a run is saved after each round of tool calls while it runs).</summary>
    public const string Running = "running";

    /// <summary>Finished with an answer.</summary>
    public const string Completed = "completed";

    /// <summary>Paused until a person approves or rejects the pending tool call or answer.</summary>
    public const string WaitingApproval = "waiting_approval";

    /// <summary>Stopped without an answer: a cap was reached, the call was rejected, or something failed (<see cref="AgentExitReason"/> says which).</summary>
    public const string Failed = "failed";

    /// <summary>Returns whether <paramref name="status"/> is one of the statuses.</summary>
    public static bool IsKnown(string status) => status is Running or Completed or WaitingApproval or Failed;
}
