using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Grounded.Evaluation.Datasets;

/// <summary>
/// A retrieval data set in the BEIR layout: <c>corpus.jsonl</c> (<c>_id</c>, <c>title</c>, <c>text</c>),
/// <c>queries.jsonl</c> (<c>_id</c>, <c>text</c>) and <c>qrels/&lt;split&gt;.tsv</c> (a header, then
/// <c>query-id, corpus-id, score</c>). Only queries with at least one relevant document in the split are kept.
/// </summary>
public sealed class BeirDataset
{
    /// <summary>The split read when none is named.</summary>
    public const string DefaultSplit = "test";

    private BeirDataset(string directory, string split, IReadOnlyList<BeirDocument> corpus, IReadOnlyList<BeirQuery> queries, string corpusHash)
    {
        Directory = directory;
        Split = split;
        Corpus = corpus;
        Queries = queries;
        CorpusHash = corpusHash;
    }

    /// <summary>Gets the data set's directory, as given.</summary>
    public string Directory { get; }

    /// <summary>Gets the split the judgments come from.</summary>
    public string Split { get; }

    /// <summary>Gets the corpus, in file order.</summary>
    public IReadOnlyList<BeirDocument> Corpus { get; }

    /// <summary>Gets the judged queries, in <c>queries.jsonl</c> order.</summary>
    public IReadOnlyList<BeirQuery> Queries { get; }

    /// <summary>Gets the SHA-256 of <c>corpus.jsonl</c>, hex encoded: what an index built from it is keyed by.</summary>
    public string CorpusHash { get; }

    /// <summary>Returns the same data set with only its first <paramref name="count"/> judged queries.</summary>
    public BeirDataset WithFirstQueries(int count) =>
        new(Directory, Split, Corpus, Queries.Take(Math.Max(1, count)).ToList(), CorpusHash);

    /// <summary>
    /// Reads the data set in <paramref name="directory"/>. With no <paramref name="split"/>, reads <c>test</c>, or the only
    /// split present when there is no test split. Throws <see cref="DatasetException"/> when a file is missing or malformed.
    /// </summary>
    public static async Task<BeirDataset> LoadAsync(string directory, string? split = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DatasetException($"no such data set folder: {directory}");
        }

        var corpusPath = Require(directory, "corpus.jsonl");
        var queriesPath = Require(directory, "queries.jsonl");
        var (resolved, qrelsPath) = ResolveSplit(directory, split);
        var judgments = ReadQrels(qrelsPath);
        var corpus = new List<BeirDocument>();
        foreach (var (line, root) in ReadJsonLines(corpusPath))
        {
            corpus.Add(new BeirDocument(Id(root, corpusPath, line), OptionalString(root, "title"), OptionalString(root, "text")));
        }

        var queries = new List<BeirQuery>();
        foreach (var (line, root) in ReadJsonLines(queriesPath))
        {
            var id = Id(root, queriesPath, line);
            if (judgments.TryGetValue(id, out var relevance) && relevance.Values.Any(grade => grade > 0))
            {
                queries.Add(new BeirQuery(id, OptionalString(root, "text"), relevance));
            }
        }

        if (queries.Count == 0)
        {
            throw new DatasetException($"no query in {queriesPath} has a relevant document in {qrelsPath}");
        }

        var stream = File.OpenRead(corpusPath);
        await using (stream.ConfigureAwait(false))
        {
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            return new BeirDataset(directory, resolved, corpus, queries, hash);
        }
    }

    private static string Require(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? path : throw new DatasetException($"not a BEIR data set: {path} is missing");
    }

    private static (string Split, string Path) ResolveSplit(string directory, string? split)
    {
        var qrels = Path.Combine(directory, "qrels");
        var present = System.IO.Directory.Exists(qrels)
            ? System.IO.Directory.GetFiles(qrels, "*.tsv").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        var wanted = split ?? DefaultSplit;
        if (present.Contains(wanted))
        {
            return (wanted, Path.Combine(qrels, wanted + ".tsv"));
        }

        if (split is null && present.Count == 1)
        {
            return (present[0], Path.Combine(qrels, present[0] + ".tsv"));
        }

        var listed = present.Count == 0 ? "none" : string.Join(", ", present);
        throw new DatasetException($"no qrels/{wanted}.tsv in {directory} (splits present: {listed})");
    }

    private static Dictionary<string, Dictionary<string, int>> ReadQrels(string path)
    {
        var judgments = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || (number == 1 && line.StartsWith("query-id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3 || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
            {
                throw new DatasetException($"{path} line {number}: expected 'query-id<TAB>corpus-id<TAB>score'");
            }

            if (!judgments.TryGetValue(fields[0], out var relevance))
            {
                judgments[fields[0]] = relevance = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            relevance[fields[1]] = grade;
        }

        return judgments;
    }

    private static IEnumerable<(int Line, JsonElement Root)> ReadJsonLines(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var json = JsonDocument.Parse(line);
                root = json.RootElement.Clone();
            }
            catch (JsonException error)
            {
                throw new DatasetException($"{path} line {number}: not valid JSON ({error.Message.Split('.')[0]})", error);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetException($"{path} line {number}: expected a JSON object");
            }

            yield return (number, root);
        }
    }

    private static string Id(JsonElement root, string path, int line) =>
        root.TryGetProperty("_id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText())
            : throw new DatasetException($"{path} line {line}: missing \"_id\"");

    private static string OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
