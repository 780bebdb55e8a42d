using Grounded.Prompts;

namespace Grounded.Rag.Prompts;

/// <summary>Reads one prompt file (<c>ID/VERSION.yaml</c>) and checks it, adding every problem found, prefixed with the file's name.</summary>
internal static class PromptFileReader
{
    /// <summary>The metrics an evaluation may gate on (<c>grounded eval run</c>'s names).</summary>
    public static readonly IReadOnlySet<string> Metrics = new HashSet<string>(StringComparer.Ordinal)
    {
        "exact_match", "token_f1", "rouge_l", "semantic_similarity", "citation_precision", "citation_recall", "abstention_accuracy", "judge_score",
    };

    /// <summary>
    /// Returns the version <paramref name="text"/> defines, or null when it has a problem (all added to <paramref name="problems"/>).
    /// <paramref name="source"/> names the file in messages; its folder must be the id and its name the version;
    /// <paramref name="baseDirectory"/> is what the evaluation data set's path is relative to.
    /// </summary>
    public static PromptVersion? Read(string text, string source, string? folder, string? fileName, string baseDirectory, List<string> problems)
    {
        // Parsed into nodes, then checked field by field: an unknown key or a value of the wrong kind is one problem
        // among the others (with its line), not the end of the file's checks.
        if (PromptYamlFields.Root(text, source, "a prompt file is a mapping of fields (id:, version:, template:, ...)", problems) is not { } root)
        {
            return null;
        }

        var before = problems.Count;
        void Problem(string message) => problems.Add($"{source}: {message}");
        var f = new PromptYamlFields(Problem);
        f.Known(root, string.Empty, "id", "version", "author", "description", "model", "parameters", "variables", "template", "evaluation");
        var id = f.Text(root, "id", "id");
        var versionText = f.Text(root, "version", "version");
        var author = f.Text(root, "author", "author");
        var description = f.Text(root, "description", "description");
        var model = f.Text(root, "model", "model");
        var parameters = f.Map(root, "parameters", "{temperature: 0.2, max_tokens: 512}");
        if (parameters is not null)
        {
            f.Known(parameters, "parameters.", "temperature", "top_p", "max_tokens");
        }

        var p = (Temperature: parameters is null ? null : f.Number(parameters, "temperature", "parameters.temperature"),
            TopP: parameters is null ? null : f.Number(parameters, "top_p", "parameters.top_p"),
            MaxTokens: parameters is null ? null : f.Integer(parameters, "max_tokens", "parameters.max_tokens"));
        var variables = f.List(root, "variables");
        var templateNode = f.Map(root, "template", "{system: ..., user: ...}");
        if (templateNode is not null)
        {
            f.Known(templateNode, "template.", "system", "user");
        }

        var evaluationNode = f.Map(root, "evaluation", "{dataset: eval/qa.jsonl, metric: token_f1}");
        if (evaluationNode is not null)
        {
            f.Known(evaluationNode, "evaluation.", "dataset", "metric", "score");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            Problem("id is required");
        }
        else if (!PromptIds.IsValid(id))
        {
            Problem($"id '{id}' is not usable: use 1–64 lower-case letters, digits, '-', '_' or '.'");
        }
        else if (folder is not null && !string.Equals(folder, id, StringComparison.Ordinal))
        {
            Problem($"id '{id}' does not match its folder '{folder}' (a prompt's versions live in prompts/ID/)");
        }

        var version = SemVersion.TryParse(versionText);
        if (string.IsNullOrWhiteSpace(versionText))
        {
            Problem("version is required (a semantic version, e.g. 1.0.0)");
        }
        else if (version is null)
        {
            Problem($"version '{versionText}' is not a semantic version (write MAJOR.MINOR.PATCH, e.g. 1.2.0)");
        }
        else if (fileName is not null && !string.Equals(fileName, versionText, StringComparison.Ordinal))
        {
            Problem($"version '{versionText}' does not match its file name '{fileName}.yaml' (name the file VERSION.yaml)");
        }

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

        var template = new PromptTemplate(
            (templateNode is null ? null : f.Text(templateNode, "system", "template.system")) ?? string.Empty,
            (templateNode is null ? null : f.Text(templateNode, "user", "template.user")) ?? string.Empty);
        if (string.IsNullOrWhiteSpace(template.User))
        {
            Problem("template.user is required");
        }

        var declared = variables ?? [];
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

        if (id is not null && BuiltInPromptContracts.Problem(id, declared) is { } contract)
        {
            Problem(contract);
        }

        PromptEvaluation? evaluation = null;
        if (evaluationNode is { } ev)
        {
            var metricText = f.Text(ev, "metric", "evaluation.metric");
            var datasetText = f.Text(ev, "dataset", "evaluation.dataset");
            var score = f.Number(ev, "score", "evaluation.score");
            var metric = string.IsNullOrWhiteSpace(metricText) ? PromptEvaluation.DefaultMetric : metricText;
            if (!Metrics.Contains(metric))
            {
                Problem($"evaluation.metric '{metric}' is not one of {string.Join(", ", Metrics.Order(StringComparer.Ordinal))}");
            }

            var dataset = string.IsNullOrWhiteSpace(datasetText) ? null : Path.GetFullPath(Path.Combine(baseDirectory, datasetText));
            evaluation = new PromptEvaluation(dataset, metric, score);
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new PromptVersion(id!, version!, template)
        {
            Author = author ?? string.Empty,
            Description = description?.Trim() ?? string.Empty,
            Model = string.IsNullOrWhiteSpace(model) ? null : model,
            Parameters = new PromptParameters(p.Temperature, p.TopP, p.MaxTokens),
            Variables = [.. declared.Distinct(StringComparer.Ordinal)],
            Evaluation = evaluation,
            Source = source,
        };
    }
}
