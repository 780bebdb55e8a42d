namespace Grounded.Gateway.Guard;

/// <summary>The guards' names, as decisions, metrics, headers and the config file write them.</summary>
public static class GuardNames
{
    public const string Pii = "pii";
    public const string Injection = "injection";
    public const string Topic = "topic";
    public const string Toxicity = "toxicity";
    public const string Schema = "schema";
    public const string Moderation = "moderation";
    public const string Tools = "tools";
    public const string Refusal = "refusal";
}
