namespace Grounded.Access;

/// <summary>The keys, the audit log, the usage ledger, the query log, the prompts' active versions, the agent runs, feedback and saved evaluation runs of one store, kept beside its documents (SQLite or PostgreSQL).</summary>
public interface IAccessStore : IKeyStore, IAuditLog, Usage.IUsageLedger, Usage.IQueryLog, Prompts.IPromptStore, Agents.IAgentRunStore, Feedback.IFeedbackStore, Evaluation.IEvaluationRunStore, IAsyncDisposable;
