using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// Judge verdicts on disk (JSON Lines, one <c>{"key", "score", "reason"}</c> per line), keyed by a hash of everything
/// the verdict depends on, so a re-run costs no model calls. Safe for concurrent use within one process.
/// </summary>
public sealed class JudgeCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _path;
    private readonly Dictionary<string, JudgeVerdict> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private JudgeCache(string path) => _path = path;

    /// <summary>Gets the file the cache reads and appends to.</summary>
    public string Path => _path;

    /// <summary>Opens (or starts) the cache file at <paramref name="path"/>; unreadable lines are skipped.</summary>
    public static JudgeCache Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var cache = new JudgeCache(path);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                try
                {
                    var entry = JsonSerializer.Deserialize<Entry>(line, Json);
                    if (entry is { Key: { } key, Reason: { } reason } && entry.Score is >= 1 and <= 5)
                    {
                        cache._entries[key] = new JudgeVerdict(entry.Score, reason);
                    }
                }
                catch (JsonException)
                {
                    // a line cut short by an interrupted run: that verdict is asked for again
                }
            }
        }

        return cache;
    }

    /// <summary>Returns the key of one verdict: the prompt, the judge model, the question, the answer, the references and the repeat index.</summary>
    public static string Key(string promptRef, string model, string question, string answer, string references, int repeat)
    {
        var text = string.Join('\u001f', promptRef, model, question, answer, references, repeat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Returns the cached verdict for <paramref name="key"/>, if any.</summary>
    public JudgeVerdict? Get(string key)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault(key);
        }
    }

    /// <summary>Stores a verdict and appends it to the file.</summary>
    public void Put(string key, JudgeVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        lock (_gate)
        {
            _entries[key] = verdict;
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.AppendAllText(_path, JsonSerializer.Serialize(new Entry(key, verdict.Score, verdict.Reason), Json) + "\n");
        }
    }

    private sealed record Entry(string? Key, double Score, string? Reason);
}
