using System.Text.Json;

namespace Grounded.Hosting.Agents;

/// <summary>Reads an agent task set: one JSON object a line (snake_case keys), blank lines skipped; every problem listed with its line.</summary>
internal static class AgentTaskReader
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Returns the tasks of the file <paramref name="path"/>, in file order.</summary>
    /// <exception cref="FormatException">A line is not a task, an id repeats, or an agent file is missing (every problem listed).</exception>
    public static IReadOnlyList<AgentTask> Read(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tasks = new List<AgentTask>();
        var problems = new List<string>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            AgentTask? task = null;
            try
            {
                task = JsonSerializer.Deserialize<AgentTask>(line, Json);
            }
            catch (JsonException e)
            {
                problems.Add($"{path}:{n}: {e.Message}");
            }

            if (task is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(task.Id) || string.IsNullOrWhiteSpace(task.Task) || string.IsNullOrWhiteSpace(task.Agent) || task.Expected is null)
            {
                problems.Add($"{path}:{n}: a task needs id, task, agent and expected");
                continue;
            }

            if (tasks.Any(t => t.Id == task.Id))
            {
                problems.Add($"{path}:{n}: the id '{task.Id}' is used twice");
            }

            if (!File.Exists(Path.Combine(folder, task.Agent)))
            {
                problems.Add($"{path}:{n}: no agent file {task.Agent} in {folder}");
            }

            tasks.Add(task);
        }

        return problems.Count > 0 ? throw new FormatException(string.Join(Environment.NewLine, problems)) : tasks;
    }
}
