using Grounded.Prompts;
using Grounded.Rag.Prompts;
using YamlDotNet.RepresentationModel;

namespace Grounded.Agents.Definitions;

/// <summary>
/// Reads an agent file (<c>agents/NAME.yaml</c>) and checks it field by field, listing every problem at once with its line:
/// unknown fields, values of the wrong kind, caps out of range, unknown built-in tools, tool entries of no known form.
/// </summary>
public static class AgentFileReader
{
    private static readonly string[] Fields = ["name", "description", "instructions", "model", "tools", "caps", "approval", "workflow"];

    /// <summary>Reads the agent file at <paramref name="path"/>; throws <see cref="AgentDefinitionException"/> listing every problem.</summary>
    public static AgentDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new AgentDefinitionException($"{path}: no such agent file");
        }

        var problems = new List<string>();
        var definition = Read(File.ReadAllText(path), path, problems);
        return problems.Count > 0 || definition is null ? throw new AgentDefinitionException(problems) : definition with { SourceFile = Path.GetFullPath(path) };
    }

    /// <summary>Returns the agent <paramref name="text"/> defines, or null when it has problems (each added to <paramref name="problems"/>, prefixed with <paramref name="source"/>).</summary>
    public static AgentDefinition? Read(string text, string source, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (PromptYamlFields.Root(text, source, "an agent file is a mapping of fields (name:, instructions:, model:, tools:, caps:)", problems) is not { } root)
        {
            return null;
        }

        var before = problems.Count;
        void Problem(string message) => problems.Add($"{source}: {message}");
        var f = new PromptYamlFields(Problem);
        f.Known(root, string.Empty, Fields);
        var name = f.Text(root, "name", "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            Problem("name is required");
        }
        else if (!AgentNames.IsValid(name))
        {
            Problem($"{YamlLines.At(root, "name")}name '{name}' is not usable: use 1–64 lower-case letters, digits, '-' or '_'");
        }

        var model = f.Text(root, "model", "model");
        var workflow = WorkflowReader.Read(root, f, Problem);
        if (string.IsNullOrWhiteSpace(model))
        {
            Problem("model is required (a configured model or route, e.g. model: small)");
        }

        var (instructions, prompt) = Instructions(root, f, Problem);
        var tools = ToolSpecReader.Read(root, f, Problem);
        var caps = CapsReader.Read(root, f, Problem);
        double? minConfidence = null;
        if (f.Map(root, "approval", "{minConfidence: 0.5}") is { } approval)
        {
            f.Known(approval, "approval.", "minConfidence");
            minConfidence = f.Number(approval, "minConfidence", "approval.minConfidence");
            if (minConfidence is < 0 or > 1 || (minConfidence is { } c && double.IsNaN(c)))
            {
                Problem($"{YamlLines.At(approval, "minConfidence")}approval.minConfidence must be between 0 and 1 (got {minConfidence})");
            }
        }

        return problems.Count > before ? null : new AgentDefinition
        {
            Name = name!, Model = model!, Description = f.Text(root, "description", "description")?.Trim(), Instructions = instructions, InstructionsPrompt = prompt,
            Tools = tools, Caps = caps, MinConfidence = minConfidence, Workflow = workflow,
        };
    }

    private static (string Text, PromptReference? Prompt) Instructions(YamlMappingNode root, PromptYamlFields f, Action<string> problem)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("instructions"), out var node))
        {
            problem("instructions is required (the agent's system message, or { prompt: ID[@VERSION] } from the prompt registry)");
            return (string.Empty, null);
        }

        if (node is YamlMappingNode map)
        {
            f.Known(map, "instructions.", "prompt");
            var text = f.Text(map, "prompt", "instructions.prompt");
            try
            {
                return (string.Empty, PromptReference.Parse(text ?? string.Empty));
            }
            catch (FormatException e)
            {
                problem($"line {node.Start.Line}: instructions.prompt: {e.Message}");
                return (string.Empty, null);
            }
        }

        var instructions = f.Text(root, "instructions", "instructions");
        if (string.IsNullOrWhiteSpace(instructions))
        {
            problem($"{YamlLines.At(root, "instructions")}instructions must not be empty");
        }

        return (instructions?.Trim() ?? string.Empty, null);
    }
}
