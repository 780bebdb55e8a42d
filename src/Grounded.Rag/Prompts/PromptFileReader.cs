using Grounded.Prompts;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Grounded.Rag.Prompts;

/// <summary>Reads one prompt file (<c>ID/VERSION.yaml</c>) and checks it, adding every problem found, prefixed with the file's name.</summary>
internal static class PromptFileReader
{
    /// <summary>The metrics an evaluation may gate on (<c>grounded eval run</c>'s names).</summary>
    public static readonly IReadOnlySet<string> Metrics = new HashSet<string>(StringComparer.Ordinal)
    {
        "exact_match", "token_f1", "rouge_l", "semantic_similarity", "citation_precision", "citation_recall", "abstention_accuracy", "judge_score",
    };

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>
    /// Returns the version <paramref name="text"/> defines, or null when it has a problem (all added to <paramref name="problems"/>).
    /// <paramref name="source"/> names the file in messages; its folder must be the id and its name the version;
    /// <paramref name="baseDirectory"/> is what the evaluation data set's path is relative to.
    /// </summary>
    public static PromptVersion? Read(string text, string source, string? folder, string? fileName, string baseDirectory, List<string> problems)
    {
        PromptDocument? d;
        try
        {
            d = Yaml.Deserialize<PromptDocument?>(text);
        }
        catch (YamlException e)
        {
            problems.Add($"{source}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
            return null;
        }

        if (d is null)
        {
            problems.Add($"{source}: the file is empty");
            return null;
        }

        var before = problems.Count;
        void Problem(string message) => problems.Add($"{source}: {message}");

        if (string.IsNullOrWhiteSpace(d.Id))
        {
            Problem("id is required");
        }
        else if (!PromptIds.IsValid(d.Id))
        {
            Problem($"id '{d.Id}' is not usable: use 1–64 lower-case letters, digits, '-', '_' or '.'");
        }
        else if (folder is not null && !string.Equals(folder, d.Id, StringComparison.Ordinal))
        {
            Problem($"id '{d.Id}' does not match its folder '{folder}' (a prompt's versions live in prompts/ID/)");
        }

        var version = SemVersion.TryParse(d.Version);
        if (string.IsNullOrWhiteSpace(d.Version))
        {
            Problem("version is required (a semantic version, e.g. 1.0.0)");
        }
        else if (version is null)
        {
            Problem($"version '{d.Version}' is not a semantic version (write MAJOR.MINOR.PATCH, e.g. 1.2.0)");
        }
        else if (fileName is not null && !string.Equals(fileName, d.Version, StringComparison.Ordinal))
        {
            Problem($"version '{d.Version}' does not match its file name '{fileName}.yaml' (name the file VERSION.yaml)");
        }

        var p = d.Parameters ?? new ParametersDocument();
        if (p.Temperature is < 0 or > 2 || (p.Temperature is { } t && double.IsNaN(t)))
        {
            Problem($"parameters.temperature must be between 0 and 2 (got {p.Temperature})");
        }

        if (p.TopP is < 0 or > 1 || (p.TopP is { } tp && double.IsNaN(tp)))
        {
            Problem($"parameters.top_p must be between 0 and 1 (got {p.TopP})");
        }

        if (p.MaxTokens is < 1)
        {
            Problem($"parameters.max_tokens must be at least 1 (got {p.MaxTokens})");
        }

        var template = new PromptTemplate(d.Template?.System ?? string.Empty, d.Template?.User ?? string.Empty);
        if (string.IsNullOrWhiteSpace(template.User))
        {
            Problem("template.user is required");
        }

        var declared = d.Variables ?? [];
        var used = template.Placeholders();
        foreach (var name in declared.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Problem($"variables lists '{name.Key}' more than once");
        }

        foreach (var name in used.Where(u => !declared.Contains(u, StringComparer.Ordinal)))
        {
            Problem($"the template uses {{{{{name}}}}} but variables does not declare '{name}'");
        }

        foreach (var name in declared.Distinct(StringComparer.Ordinal).Where(v => !used.Contains(v, StringComparer.Ordinal)))
        {
            Problem($"variables declares '{name}' but no template uses {{{{{name}}}}}");
        }

        PromptEvaluation? evaluation = null;
        if (d.Evaluation is { } ev)
        {
            var metric = string.IsNullOrWhiteSpace(ev.Metric) ? PromptEvaluation.DefaultMetric : ev.Metric;
            if (!Metrics.Contains(metric))
            {
                Problem($"evaluation.metric '{metric}' is not one of {string.Join(", ", Metrics.Order(StringComparer.Ordinal))}");
            }

            var dataset = string.IsNullOrWhiteSpace(ev.Dataset) ? null : Path.GetFullPath(Path.Combine(baseDirectory, ev.Dataset));
            evaluation = new PromptEvaluation(dataset, metric, ev.Score);
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new PromptVersion(d.Id!, version!, template)
        {
            Author = d.Author ?? string.Empty,
            Description = d.Description?.Trim() ?? string.Empty,
            Model = string.IsNullOrWhiteSpace(d.Model) ? null : d.Model,
            Parameters = new PromptParameters(p.Temperature, p.TopP, p.MaxTokens),
            Variables = [.. declared.Distinct(StringComparer.Ordinal)],
            Evaluation = evaluation,
            Source = source,
        };
    }
}
