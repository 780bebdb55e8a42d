using Grounded.Gateway.Failures;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>The tools allowlist: a request that declares a tool, or carries a call of one, not on the list is refused with a 400 naming it.</summary>
internal sealed class ToolsGuard(ToolsGuardOptions options) : IInputGuard
{
    public ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken)
    {
        var declared = check.Options?.Tools?.Select(t => t.Name) ?? [];
        var called = check.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name);
        var names = declared.Concat(called).Distinct(StringComparer.Ordinal).ToList();
        var refused = names.FirstOrDefault(n => !options.Allow.Contains(n));
        if (refused is null)
        {
            return ValueTask.FromResult(GuardVerdict.Allow(GuardNames.Tools, $"{names.Count} tool(s) allowed"));
        }

        // Tool names are the caller's own API, not user data: the message may name the tool.
        var allowed = options.Allow.Count == 0 ? "none" : string.Join(", ", options.Allow.Order(StringComparer.Ordinal));
        return ValueTask.FromResult(new GuardVerdict(new GuardDecision(GuardNames.Tools, GuardActions.Block, $"tool '{refused}' not allowed", []))
        {
            Failure = new GuardBlockedException(GuardNames.Tools, $"the tool '{refused}' is not allowed for this model (allowed: {allowed})") { Code = "tool_not_allowed" },
        });
    }
}
