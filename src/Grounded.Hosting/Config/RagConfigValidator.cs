using Grounded.Rag;
using Grounded.Rag.Retrieve;

namespace Grounded.Hosting.Config;

/// <summary>Turns the document's <c>store</c> and <c>rag</c> sections into options, adding every problem to one list.</summary>
internal static class RagConfigValidator
{
    public static (LocalRagOptions Rag, int TopK, string? Model) Validate(ConfigDocument d, IDictionary<string, string?> environment, List<string> problems)
    {
        var r = d.Rag;
        var defaults = new LocalRagOptions();
        var ann = defaults.Ann;
        var (minimum, expansion) = (r.Ann.MinVectors, r.Ann.EfSearch);
        ann = ann with
        {
            Enabled = r.Ann.Enabled ?? ann.Enabled,
            MinimumVectors = minimum ?? ann.MinimumVectors,
            ExpansionSearch = expansion ?? ann.ExpansionSearch,
        };
        var mode = defaults.Retrieval.Mode;
        if (r.Mode is not null)
        {
            if (RetrievalOptions.ParseMode(r.Mode) is { } parsed)
            {
                mode = parsed;
            }
            else
            {
                problems.Add($"rag.mode must be hybrid, dense or keyword (got '{r.Mode}')");
            }
        }

        if (r.Abstention is not null && r.Abstention is not "model" and not "threshold")
        {
            problems.Add($"rag.abstention must be model or threshold (got '{r.Abstention}')");
        }

        if (r.TopK is < 1 or > 1000)
        {
            problems.Add($"rag.topK must be between 1 and 1000 (got {r.TopK})");
        }

        if (r.Rerank is < 0 or > 1000)
        {
            problems.Add($"rag.rerank must be between 0 and 1000 (got {r.Rerank})");
        }

        if (r.Mmr is < 0 or > 1)
        {
            problems.Add($"rag.mmr must be between 0 and 1 (got {r.Mmr})");
        }

        if (minimum is < 0)
        {
            problems.Add($"rag.ann.minVectors must be 0 or more (got {minimum})");
        }

        if (expansion is < 1 or > 4096)
        {
            problems.Add($"rag.ann.efSearch must be between 1 and 4096 (got {expansion})");
        }

        var store = !string.IsNullOrWhiteSpace(d.Store) ? d.Store!.Trim()
            : environment.TryGetValue("GROUNDED_HOME", out var home) && !string.IsNullOrWhiteSpace(home) ? home!
            : ".grounded";
        var rag = defaults with
        {
            Store = store,
            QuantizedEmbeddings = r.Quantize ?? defaults.QuantizedEmbeddings,
            Retrieval = defaults.Retrieval with { Mode = mode },
            RerankCandidates = r.Rerank ?? defaults.RerankCandidates,
            Diversity = r.Mmr ?? defaults.Diversity,
            CorrectSpelling = r.CorrectSpelling ?? defaults.CorrectSpelling,
            Ann = ann,
            // "threshold": the evidence-strength threshold alone, without the model of on-topic abstention.
            Extractive = r.Abstention == "threshold" ? defaults.Extractive with { Abstention = null } : defaults.Extractive,
        };
        return (rag, r.TopK ?? 5, string.IsNullOrWhiteSpace(r.Model) ? null : r.Model.Trim());
    }


}
