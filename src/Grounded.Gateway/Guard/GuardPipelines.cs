namespace Grounded.Gateway.Guard;

/// <summary>Every configured policy's <see cref="GuardPipeline"/>, built once; a request gets its model's or route's.</summary>
internal sealed class GuardPipelines
{
    private readonly GuardPipeline _default;
    private readonly Dictionary<string, GuardPipeline> _overrides;

    public GuardPipelines(GuardOptions options, GuardDependencies dependencies)
    {
        var verdicts = new ModerationVerdicts();
        _default = new GuardPipeline(options.Default, dependencies, verdicts);
        _overrides = options.Overrides.ToDictionary(o => o.Key, o => new GuardPipeline(o.Value, dependencies, verdicts), StringComparer.Ordinal);
    }

    /// <summary>Returns the pipeline of a request that names <paramref name="modelOrRoute"/>; null when it has no guard.</summary>
    public GuardPipeline? For(string? modelOrRoute)
    {
        var pipeline = modelOrRoute is not null && _overrides.TryGetValue(modelOrRoute, out var own) ? own : _default;
        return pipeline.Policy.IsEmpty ? null : pipeline;
    }
}
