namespace Grounded.Agents.Definitions;

/// <summary>An agent file has problems: every one of them, each with its file and line.</summary>
public sealed class AgentDefinitionException : Exception
{
    public AgentDefinitionException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : $"{problems.Count} problems:{System.Environment.NewLine}  - {string.Join(System.Environment.NewLine + "  - ", problems)}")
    {
        Problems = problems;
    }

    public AgentDefinitionException(string message) : this([message])
    {
    }

    public AgentDefinitionException() : this("the agent file is invalid")
    {
    }

    public AgentDefinitionException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Gets each problem, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
