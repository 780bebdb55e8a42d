using Grounded.Documents;
using Grounded.Gateway.Failures;
using Grounded.Prompts;
using Grounded.Rag.Prompts;
using Grounded.Rag.Embed;
using Grounded.Storage;

namespace Grounded.Server.Errors;

/// <summary>The one place where failures become HTTP statuses and messages: typed failures as they say, the rest as 500.</summary>
internal static class Failures
{
    public static ErrorDescription Describe(Exception error, string requestId) => error switch
    {
        GatewayException e => new ErrorDescription(e.Status, e.Message, e.Type)
        {
            Code = e.Code, Param = e.Param, Provider = e.Provider, Model = e.Model, RetryAfter = e.RetryAfter,
        },
        BadHttpRequestException { StatusCode: 413 } => new ErrorDescription(413, "the request body is larger than the server's limit", "invalid_request_error") { Code = "request_too_large" },
        BadHttpRequestException e => new ErrorDescription(e.StatusCode, e.Message, "invalid_request_error"),
        DocumentConflictException e => new ErrorDescription(409, e.Message, "invalid_request_error") { Code = "document_conflict" },
        DocumentReadException e => new ErrorDescription(422, $"cannot ingest {e.Message}", "invalid_request_error") { Code = "unreadable_document" },
        StoreException e => new ErrorDescription(503, $"the store cannot be used: {e.Message}", "server_error") { Code = "store_unavailable" },
        System.Data.Common.DbException { IsTransient: true } e => new ErrorDescription(503, $"the store cannot be used: {e.Message.Split('\n')[0].Trim()}", "server_error") { Code = "store_unavailable", RetryAfter = TimeSpan.FromSeconds(1) },
        ModelNotInstalledException e => new ErrorDescription(503, e.Message, "server_error") { Code = "model_not_installed" },
        PromptNotFoundException e => new ErrorDescription(404, e.Message, "invalid_request_error") { Code = "prompt_not_found", Param = "prompt" },
        PromptVariableException e => new ErrorDescription(400, e.Message, "invalid_request_error") { Code = "prompt_variable_missing", Param = "prompt_variables" },
        PromptRegistryException e => new ErrorDescription(503, $"the prompt registry cannot be used: {string.Join("; ", e.Problems)}", "server_error") { Code = "prompt_registry_invalid" },
        PromptConflictException e => new ErrorDescription(409, e.Message, "invalid_request_error") { Code = "prompt_conflict" },
        Grounded.Hosting.Prompts.PromptSwitchException e => new ErrorDescription(409, e.Message, "invalid_request_error") { Code = "prompt_switch_refused" },
        Grounded.Agents.Definitions.AgentDefinitionException e => new ErrorDescription(422, e.Message.ReplaceLineEndings(" "), "invalid_request_error") { Code = "invalid_agent", Param = "agent" },
        Grounded.Agents.Loop.AgentRunConflictException e => new ErrorDescription(409, e.Message, "invalid_request_error") { Code = "agent_run_conflict" },
        ArgumentException e when e.GetType() == typeof(ArgumentException) => new ErrorDescription(400, e.Message.Split('\n')[0].Trim(), "invalid_request_error"),
        _ => new ErrorDescription(500, $"internal error ({error.GetType().Name}); the server log has the details under request {requestId}", "server_error"),
    };

    /// <summary>Returns whether a failure is expected (a value the client is told about) rather than a bug to log as an error.</summary>
    public static bool IsExpected(Exception error) => error is GatewayException or BadHttpRequestException or DocumentReadException or DocumentConflictException or StoreException or ModelNotInstalledException
        or System.Data.Common.DbException { IsTransient: true }
        or PromptNotFoundException or PromptVariableException or PromptRegistryException or PromptConflictException or Grounded.Hosting.Prompts.PromptSwitchException
        or Grounded.Agents.Definitions.AgentDefinitionException or Grounded.Agents.Loop.AgentRunConflictException || error.GetType() == typeof(ArgumentException);
}
