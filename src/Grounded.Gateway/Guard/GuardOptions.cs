namespace Grounded.Gateway.Guard;

/// <summary>
/// The guards of every request (<c>guards:</c>): one policy for all, and whole policies for the models and routes that
/// override it (the config file merges an override's guards over the top level: a guard named in an override replaces
/// that guard, the others are inherited). A request gets the policy of the model or route it names.
/// </summary>
public sealed record GuardOptions
{
    /// <summary>No guards at all.</summary>
    public static readonly GuardOptions None = new();

    /// <summary>Gets the policy of requests whose model or route has no override.</summary>
    public GuardPolicy Default { get; init; } = GuardPolicy.None;

    /// <summary>Gets the policies of the models and routes that override the default, by configured name.</summary>
    public IReadOnlyDictionary<string, GuardPolicy> Overrides { get; init; } = new Dictionary<string, GuardPolicy>(StringComparer.Ordinal);

    /// <summary>Gets whether no request has any guard.</summary>
    public bool IsEmpty => Default.IsEmpty && Overrides.Values.All(p => p.IsEmpty);

    /// <summary>Returns the policy of a request that names <paramref name="modelOrRoute"/>.</summary>
    public GuardPolicy For(string? modelOrRoute) =>
        modelOrRoute is not null && Overrides.TryGetValue(modelOrRoute, out var policy) ? policy : Default;

    /// <summary>Returns every problem with the policies; <paramref name="isModel"/> tells configured model names (moderation's model).</summary>
    public IReadOnlyList<string> Validate(Func<string, bool>? isModel = null) =>
        [.. Default.Validate("guards", isModel), .. Overrides.SelectMany(o => o.Value.Validate($"{o.Key}.guards", isModel))];
}
