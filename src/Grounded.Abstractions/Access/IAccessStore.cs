namespace Grounded.Access;

/// <summary>The keys, the audit log, the usage ledger, the query log, the prompts' active versions, the agent runs, feedback, saved evaluation runs and alert states of one store, kept beside its documents (SQLite or PostgreSQL).</summary>
public interface IAccessStore : IKeyStore, IAuditLog, Usage.IUsageLedger, Usage.IQueryLog, Prompts.IPromptStore, Agents.IAgentRunStore, Feedback.IFeedbackStore, Evaluation.IEvaluationRunStore, Alerts.IAlertStateStore, IAsyncDisposable;
