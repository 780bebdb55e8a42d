using Grounded.Rag.Verify;

namespace Grounded.Hosting.Config;

/// <summary>
/// Reads <c>guards.grounding</c>: <c>policy</c> (<c>annotate</c>, the default, <c>strip</c>, <c>abstain</c> or <c>off</c>),
/// <c>minSupport</c> (the share of supported claims below which <c>abstain</c> abstains), <c>threshold</c> (the support
/// from which a claim is supported), <c>judge</c> (a configured model or route that judges claims) and <c>samples</c>
/// (self-consistency samples, 0 to 10). Top level only: it checks every answer from sources.
/// </summary>
internal static class GroundingConfig
{
    public static (GroundingOptions Options, string? Judge) Validate(ConfigDocument document, List<string> problems)
    {
        var defaults = new GroundingOptions();
        foreach (var (where, guards) in RetrievalGuardsConfig.Overrides(document))
        {
            if (guards.Grounding is not null)
            {
                problems.Add($"{where}.guards.grounding: the grounding check covers every answer from sources: set it at the top level (guards.grounding)");
            }
        }

        if (document.Guards.Grounding is not { } d)
        {
            return (defaults, null);
        }

        var policy = defaults.Policy;
        if (d.Policy is { } text)
        {
            if (Enum.TryParse<GroundingPolicy>(text.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(text, out _))
            {
                policy = parsed;
            }
            else
            {
                problems.Add($"guards.grounding.policy must be annotate, strip, abstain or off (got '{text}')");
            }
        }

        var options = defaults with
        {
            Policy = policy,
            MinSupport = d.MinSupport ?? defaults.MinSupport,
            Threshold = d.Threshold ?? defaults.Threshold,
            Samples = d.Samples ?? defaults.Samples,
        };
        problems.AddRange(options.Validate().Select(p => $"guards.grounding: {p}"));
        var judge = string.IsNullOrWhiteSpace(d.Judge) ? null : d.Judge.Trim();
        if (judge is not null && !document.Models.Any(m => m.Name == judge) && !document.Routes.ContainsKey(judge))
        {
            problems.Add($"guards.grounding.judge: '{judge}' is not a configured model or route");
        }

        return (options, judge);
    }
}
