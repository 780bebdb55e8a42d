using Grounded.Prompts;

namespace Grounded.Rag.Prompts;

/// <summary>
/// The prompts Grounded knows: the built-in ones (the repository's <c>prompts/</c> directory, embedded in the build) and a
/// user's prompts directory (<c>ID/VERSION.yaml</c> files) that adds ids and versions. Loading checks every file and lists
/// every problem at once (<see cref="PromptRegistryException"/>). Immutable once loaded.
/// </summary>
public sealed class PromptRegistry
{
    private const string ResourcePrefix = "Grounded.Prompts/";
    private static readonly Lazy<PromptRegistry> BuiltInPrompts = new(() => Build(null));

    private readonly Dictionary<string, SortedList<SemVersion, PromptVersion>> _prompts;

    private PromptRegistry(Dictionary<string, SortedList<SemVersion, PromptVersion>> prompts) => _prompts = prompts;

    /// <summary>Gets the built-in prompts alone (<c>grounded-answer</c>, <c>grounding-judge</c>, <c>answer-judge</c>).</summary>
    public static PromptRegistry BuiltIn => BuiltInPrompts.Value;

    /// <summary>Gets the prompt ids, in order.</summary>
    public IReadOnlyList<string> Ids => [.. _prompts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Loads the built-in prompts and those in <paramref name="directory"/> (none when null); throws
    /// <see cref="PromptRegistryException"/> listing every problem of every file, or when the directory does not exist.
    /// </summary>
    public static PromptRegistry Load(string? directory) => directory is null ? BuiltIn : Build(directory);

    /// <summary>Returns the versions of <paramref name="id"/>, oldest first; empty when the id is unknown.</summary>
    public IReadOnlyList<PromptVersion> Versions(string id) => _prompts.TryGetValue(id, out var versions) ? [.. versions.Values] : [];

    /// <summary>Returns <paramref name="id"/>'s <paramref name="version"/> (its newest when null), or null when there is none.</summary>
    public PromptVersion? Find(string id, SemVersion? version = null) =>
        !_prompts.TryGetValue(id, out var versions) ? null
        : version is null ? versions.Values[^1]
        : versions.GetValueOrDefault(version);

    /// <summary>Returns the version <paramref name="reference"/> names (its newest when it names none); throws <see cref="PromptNotFoundException"/> naming it.</summary>
    public PromptVersion Get(PromptReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Find(reference.Id, reference.Version) ?? throw new PromptNotFoundException(reference.ToString(), _prompts.ContainsKey(reference.Id)
            ? $"prompt '{reference.Id}' has no version {reference.Version} (it has {string.Join(", ", Versions(reference.Id).Select(v => v.Version))})"
            : $"no prompt '{reference.Id}' in the registry (known: {string.Join(", ", Ids)})");
    }

    private static PromptRegistry Build(string? directory)
    {
        var problems = new List<string>();
        var prompts = new Dictionary<string, SortedList<SemVersion, PromptVersion>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(PromptVersion? prompt, string text)
        {
            if (prompt is null)
            {
                return;
            }

            var versions = prompts.TryGetValue(prompt.Id, out var found) ? found : prompts[prompt.Id] = [];
            if (versions.TryGetValue(prompt.Version, out var earlier))
            {
                // A user's copy of a built-in version (the repository's own prompts/) is the same prompt, not a clash.
                if (!string.Equals(Normalized(texts[prompt.Reference]), Normalized(text), StringComparison.Ordinal))
                {
                    problems.Add($"{prompt.Source}: {prompt.Reference} is already defined by {earlier.Source} (publish a new version instead of changing one)");
                }

                return;
            }

            versions.Add(prompt.Version, prompt);
            texts[prompt.Reference] = text;
        }

        var assembly = typeof(PromptRegistry).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            var relative = name[ResourcePrefix.Length..].Replace('\\', '/');
            var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/');
            // A built-in prompt's data set is written relative to prompts/ID/ in the repository; an installed tool ships the
            // data sets beside itself (eval/datasets), so it is resolved there when they are, else from the working directory.
            var shipped = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "eval", "datasets"));
            var baseDirectory = shipped ? Path.Combine(AppContext.BaseDirectory, "prompts", folder ?? string.Empty) : Path.Combine("prompts", folder ?? string.Empty);
            Add(PromptFileReader.Read(text, "builtin:" + relative, folder, Path.GetFileNameWithoutExtension(relative), baseDirectory, problems), text);
        }

        if (directory is not null)
        {
            if (!Directory.Exists(directory))
            {
                throw new PromptRegistryException($"the prompts directory '{directory}' does not exist", [$"{directory}: not found"]);
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                         .Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                var folder = Path.GetFileName(Path.GetDirectoryName(file));
                var nested = !string.Equals(Path.GetFullPath(Path.GetDirectoryName(file)!), Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
                Add(PromptFileReader.Read(text, file, nested ? folder : "(none: put the file in prompts/ID/)", Path.GetFileNameWithoutExtension(file), Path.GetDirectoryName(file)!, problems), text);
            }
        }

        if (problems.Count > 0)
        {
            throw new PromptRegistryException(
                $"the prompt registry is invalid ({(directory is null ? "built-in prompts" : $"built-in prompts and the prompts directory '{Path.GetFullPath(directory)}'")}):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}", problems);
        }

        return new PromptRegistry(prompts);
    }

    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
