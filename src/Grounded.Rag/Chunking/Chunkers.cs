using Grounded.Stages;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Chunking;

/// <summary>
/// The one place that maps a file to its chunking strategy: with <see cref="ChunkerKind.Auto"/>, Markdown, HTML and Word
/// files are chunked by sections, source code by its functions and types, JSON transcripts by turns, plain text by turns
/// when it reads like a transcript and by token windows otherwise, and everything else (PDF) by token windows. Any
/// other kind applies to every file.
/// </summary>
public sealed class Chunkers
{
    private static readonly Dictionary<string, ChunkerKind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = ChunkerKind.Sections, [".markdown"] = ChunkerKind.Sections, [".mdx"] = ChunkerKind.Sections,
        [".html"] = ChunkerKind.Sections, [".htm"] = ChunkerKind.Sections, [".xhtml"] = ChunkerKind.Sections, [".docx"] = ChunkerKind.Sections,
        [".cs"] = ChunkerKind.Code, [".csx"] = ChunkerKind.Code, [".py"] = ChunkerKind.Code, [".pyw"] = ChunkerKind.Code, [".pyi"] = ChunkerKind.Code,
        [".js"] = ChunkerKind.Code, [".jsx"] = ChunkerKind.Code, [".mjs"] = ChunkerKind.Code, [".cjs"] = ChunkerKind.Code,
        [".ts"] = ChunkerKind.Code, [".tsx"] = ChunkerKind.Code, [".mts"] = ChunkerKind.Code, [".cts"] = ChunkerKind.Code,
        [".json"] = ChunkerKind.Turns, [".jsonl"] = ChunkerKind.Turns,
    };

    private static readonly HashSet<string> PlainText = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".log" };

    private readonly ChunkingOptions _options;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly TokenCounter _counter;

    /// <summary>Creates the selector; <paramref name="embedder"/> is needed only by <see cref="ChunkerKind.Semantic"/>.</summary>
    public Chunkers(ChunkingOptions options, ChunkerKind kind = ChunkerKind.Auto, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, TokenCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (kind == ChunkerKind.Semantic && embedder is null)
        {
            problems.Add("the semantic chunker needs an embedding generator");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options with { };
        Kind = kind;
        _embedder = embedder;
        _counter = counter ?? TokenCounter.Default;
    }

    /// <summary>Gets the strategy asked for; <see cref="ChunkerKind.Auto"/> chooses per file.</summary>
    public ChunkerKind Kind { get; }

    /// <summary>Returns the strategy <see cref="ChunkerKind.Auto"/> picks for a file by its extension.</summary>
    public static ChunkerKind DefaultFor(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path), ChunkerKind.Tokens);

    /// <summary>Returns the name <c>--chunker</c> takes for a kind, for example "sections".</summary>
    public static string NameOf(ChunkerKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a <c>--chunker</c> value (auto, tokens, sections, code, turns or semantic); null when it names none.</summary>
    public static ChunkerKind? Parse(string? name) =>
        Enum.TryParse<ChunkerKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _) ? kind : null;

    /// <summary>Returns a chunker for one file (a new one per call: some remember what they chose for the report).</summary>
    public IChunker For(string path)
    {
        var kind = Kind == ChunkerKind.Auto ? DefaultFor(path) : Kind;
        if (Kind == ChunkerKind.Auto && PlainText.Contains(Path.GetExtension(path)))
        {
            return new PlainTextChunker(new TurnChunker(_options, _counter), Create(ChunkerKind.Tokens, path));
        }

        return Create(kind, path);
    }

    /// <summary>Returns the strategy a chunker returned by <see cref="For"/> used, once it has chunked its document.</summary>
    public static string NameOf(IChunker chunker) => chunker is INamedChunker named ? named.Name : chunker.GetType().Name;

    private IChunker Create(ChunkerKind kind, string path) => kind switch
    {
        ChunkerKind.Sections => new SectionChunker(_options, _counter),
        ChunkerKind.Code => new CodeChunker(CodeChunker.StructureFor(path), _options, _counter),
        ChunkerKind.Turns => new TurnChunker(_options, _counter, blocksAreTurns: TranscriptJsonExtensions.Contains(Path.GetExtension(path))),
        ChunkerKind.Semantic => new SemanticChunker(_embedder!, _options, counter: _counter),
        _ => new TokenWindowChunker(_options, _counter),
    };

    private static readonly HashSet<string> TranscriptJsonExtensions = new(StringComparer.OrdinalIgnoreCase) { ".json", ".jsonl" };
}
