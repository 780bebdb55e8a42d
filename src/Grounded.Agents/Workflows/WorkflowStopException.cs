namespace Grounded.Agents.Workflows;

/// <summary>Ends a multi-agent run from inside a specialist (a cap reached, a specialist stopped): the run records why.</summary>
internal sealed class WorkflowStopException(string message) : Exception(message);
