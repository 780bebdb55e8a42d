using Grounded.Guards;

namespace Grounded.Server.Requests;

/// <summary>
/// The <c>x-grounded-guards</c> header: each guard that ran and the strongest thing it did, in the order the guards first
/// decided (<c>tools=allow;injection=allow;pii=redact</c>). A stream's header goes out with its first event, so it holds
/// the input guards' decisions; the output guards' are in the trace and the audit log.
/// </summary>
internal static class GuardsHeader
{
    public const string Name = "x-grounded-guards";

    private static readonly string[] Strength = [GuardActions.Allow, GuardActions.Flag, GuardActions.Redact, GuardActions.Pseudonymize, GuardActions.Block];

    public static string? Value(IReadOnlyList<GuardDecision> decisions)
    {
        if (decisions.Count == 0)
        {
            return null;
        }

        var strongest = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var decision in decisions)
        {
            if (!strongest.TryGetValue(decision.Guard, out var action))
            {
                order.Add(decision.Guard);
                strongest[decision.Guard] = decision.Action;
            }
            else if (Array.IndexOf(Strength, decision.Action) > Array.IndexOf(Strength, action))
            {
                strongest[decision.Guard] = decision.Action;
            }
        }

        return string.Join(';', order.Select(g => $"{g}={strongest[g]}"));
    }
}
