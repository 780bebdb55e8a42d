namespace Grounded.Agents.Loop;

/// <summary>A run cannot take the decision or write asked of it: it is not waiting for approval, or another writer changed it first (HTTP 409).</summary>
public sealed class AgentRunConflictException : Exception
{
    public AgentRunConflictException(string message) : base(message)
    {
    }

    public AgentRunConflictException()
    {
    }

    public AgentRunConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
