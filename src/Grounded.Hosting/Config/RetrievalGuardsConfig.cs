using Grounded.Rag.Guard;

namespace Grounded.Hosting.Config;

/// <summary>
/// Reads <c>guards.retrieval</c> (<c>injection: drop | quote | flag | off</c>, <c>pii: redact | flag</c>,
/// <c>sensitiveCollections</c>). Retrieval happens before any model is chosen, so the block is top level only.
/// The guards run only when the block is written; its detectors are <see cref="Guards.RagGuardDetectors"/>'s.
/// </summary>
internal static class RetrievalGuardsConfig
{
    public static RetrievalGuardOptions Validate(ConfigDocument document, List<string> problems)
    {
        var defaults = new RetrievalGuardOptions();
        foreach (var (where, guards) in Overrides(document))
        {
            if (guards.Retrieval is not null)
            {
                problems.Add($"{where}.guards.retrieval: guards on retrieved chunks apply to the store, not to one model: set them at the top level (guards.retrieval)");
            }
        }

        if (document.Guards.Retrieval is not { } d)
        {
            return defaults;
        }

        var injection = defaults.Injection;
        if (d.Injection is { } action)
        {
            if (ParseInjection(action) is { } parsed)
            {
                injection = parsed;
            }
            else
            {
                problems.Add($"guards.retrieval.injection must be drop, quote, flag or off (got '{action}')");
            }
        }

        var pii = defaults.Pii;
        switch (d.Pii?.Trim().ToLowerInvariant())
        {
            case null or "redact":
                break;
            case "flag":
                pii = RetrievedPiiAction.Flag;
                break;
            default:
                problems.Add($"guards.retrieval.pii must be redact or flag (got '{d.Pii}')");
                break;
        }

        var collections = d.SensitiveCollections ?? [];
        if (collections.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("guards.retrieval.sensitiveCollections: a collection name is empty");
        }

        return defaults with
        {
            Injection = injection,
            Pii = pii,
            SensitiveCollections = collections.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            InjectionDetector = Guards.RagGuardDetectors.Injection,
            PiiDetector = Guards.RagGuardDetectors.Pii,
        };
    }

    /// <summary>Returns the per-model and per-route guard blocks, named as the config file names them.</summary>
    internal static IEnumerable<(string Where, GuardsDocument Guards)> Overrides(ConfigDocument document) =>
        document.Models.Where(m => m.Guards is not null).Select(m => ($"models[{m.Name}]", m.Guards!))
            .Concat(document.Routes.Where(r => r.Value?.Guards is not null).Select(r => ($"routes.{r.Key}", r.Value!.Guards!)));

    private static RetrievedInjectionAction? ParseInjection(string text) => text.Trim().ToLowerInvariant() switch
    {
        "drop" => RetrievedInjectionAction.Drop,
        "quote" => RetrievedInjectionAction.Quote,
        "flag" => RetrievedInjectionAction.Flag,
        "off" => RetrievedInjectionAction.Off,
        _ => null,
    };
}
