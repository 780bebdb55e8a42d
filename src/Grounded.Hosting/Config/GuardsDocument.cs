namespace Grounded.Hosting.Config;

// The `guards:` block as written (top level for every model, and `models[].guards` / `routes.NAME.guards` to override a
// guard for one model or route: a guard named in an override replaces that guard's block, the others are inherited).
// Every field optional; GuardsConfig validates and lists every problem at once.
#pragma warning disable CA2227 // YamlDotNet needs settable collections.
internal sealed class GuardsDocument
{
    public PiiGuardDocument? Pii { get; set; }
    public InjectionGuardDocument? Injection { get; set; }
    public TopicsGuardDocument? Topics { get; set; }
    public ToxicityGuardDocument? Toxicity { get; set; }
    public SchemaGuardDocument? Schema { get; set; }
    public ModerationGuardDocument? Moderation { get; set; }
    public ToolsGuardDocument? Tools { get; set; }
    public RetrievalGuardDocument? Retrieval { get; set; }
    public GroundingGuardDocument? Grounding { get; set; }
}

// mode: redact | pseudonymize | flag | block; types: entity types (default all); output: scrub answers too (default true).
internal sealed class PiiGuardDocument
{
    public string? Mode { get; set; }
    public List<string>? Types { get; set; }
    public bool? Output { get; set; }
}

// mode: block | flag; threshold: the classifier's probability from which a text is an injection (default: the calibrated one).
internal sealed class InjectionGuardDocument
{
    public string? Mode { get; set; }
    public double? Threshold { get; set; }
}

// Topics described by example sentences: a request far from every allowed topic, or close to a denied one, is refused politely.
internal sealed class TopicsGuardDocument
{
    public string? Mode { get; set; }
    public Dictionary<string, List<string>> Allowed { get; set; } = [];
    public Dictionary<string, List<string>> Denied { get; set; } = [];
    public double? AllowedAbove { get; set; }
    public double? DeniedAbove { get; set; }
    public string? Refusal { get; set; }
}

// A profanity/toxicity lexicon: mode block | redact | flag, on input and/or output.
internal sealed class ToxicityGuardDocument
{
    public string? Mode { get; set; }
    public bool? Input { get; set; }
    public bool? Output { get; set; }
}

// JSON-schema validation of answers when response_format asks for a schema, with one repair attempt.
internal sealed class SchemaGuardDocument
{
    public bool? Enabled { get; set; }
    public bool? Repair { get; set; }
}

// Moderation with a model against a versioned policy prompt; fails open or closed when the model is unavailable.
internal sealed class ModerationGuardDocument
{
    public string? Model { get; set; }
    public string? Mode { get; set; }
    public bool? Input { get; set; }
    public bool? Output { get; set; }
    public List<string>? Categories { get; set; }
    public string? OnFailure { get; set; }
}

// The tools a request may declare or call.
internal sealed class ToolsGuardDocument
{
    public List<string>? Allow { get; set; }
}

// Retrieved chunks: injection drop | quote | flag; pii redact | flag for chunks of sensitive collections.
internal sealed class RetrievalGuardDocument
{
    public string? Injection { get; set; }
    public string? Pii { get; set; }
    public List<string>? SensitiveCollections { get; set; }
}

// Claim-level grounding of answers from sources: policy annotate | strip | abstain | off; minSupport: the share of
// supported claims below which abstain abstains; threshold: a claim's support from which it counts as supported;
// judge: a configured model that judges claims; samples: self-consistency samples (0 = off).
internal sealed class GroundingGuardDocument
{
    public string? Policy { get; set; }
    public double? MinSupport { get; set; }
    public double? Threshold { get; set; }
    public string? Judge { get; set; }
    public int? Samples { get; set; }
}
#pragma warning restore CA2227
