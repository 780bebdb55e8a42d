using Grounded.Prompts;
using Grounded.Rag.Prompts;
using Grounded.Server.Errors;

namespace Grounded.Server.Tests.Errors;

public sealed class FailuresTests
{
    [Fact]
    public void PromptFailuresOnARequestPathAreTheClientsOrTheServersNotInternalErrors()
    {
        var notFound = Failures.Describe(new PromptNotFoundException("nope", "no prompt 'nope' in the registry"), "r1");
        var variable = Failures.Describe(new PromptVariableException("summary@1.0.0", "text"), "r1");
        var registry = Failures.Describe(new PromptRegistryException("x", ["summary@2.0.0 is active in production but not in the prompt registry"]), "r1");

        Assert.Equal((404, "prompt_not_found"), (notFound.Status, notFound.Code));
        Assert.Equal((400, "prompt_variable_missing"), (variable.Status, variable.Code));
        Assert.Contains("needs the variable 'text'", variable.Message, StringComparison.Ordinal);
        Assert.Equal((503, "prompt_registry_invalid"), (registry.Status, registry.Code));
        Assert.Contains("summary@2.0.0 is active in production but not in the prompt registry", registry.Message, StringComparison.Ordinal);
        Assert.True(Failures.IsExpected(new PromptVariableException("a@1.0.0", "b")));
    }

    [Fact]
    public void ALostDatabaseConnectionIsTheStoreBeingUnavailableNotAnInternalError()
    {
        var lost = Failures.Describe(new TransientDbException("Failed to connect to 127.0.0.1:5432\n  inner detail"), "r1");
        var bug = Failures.Describe(new PermanentDbException("syntax error at or near \"form\""), "r1");

        Assert.Equal((503, "store_unavailable"), (lost.Status, lost.Code));
        Assert.Equal("the store cannot be used: Failed to connect to 127.0.0.1:5432", lost.Message);
        Assert.NotNull(lost.RetryAfter);
        Assert.True(Failures.IsExpected(new TransientDbException("gone")));
        Assert.Equal(500, bug.Status); // a query the database refuses is a bug to log, not an outage
        Assert.False(Failures.IsExpected(new PermanentDbException("syntax error")));
    }

    private sealed class TransientDbException(string message) : System.Data.Common.DbException(message)
    {
        public override bool IsTransient => true;
    }

    private sealed class PermanentDbException(string message) : System.Data.Common.DbException(message);
}
