using Grounded.Gateway.Pipeline;

namespace Grounded.Gateway.Guard;

/// <summary>Adds the guards to a gateway: input guards at <see cref="GatewayStage.InputGuard"/>, output guards at <see cref="GatewayStage.OutputGuard"/>.</summary>
public static class GatewayBuilderGuardExtensions
{
    /// <summary>Adds both stages of <paramref name="options"/>' guards. Throws <see cref="ArgumentException"/> listing every problem; no guards adds nothing.</summary>
    public static GatewayBuilder UseGuards(this GatewayBuilder builder, GuardOptions options, GuardDependencies dependencies) =>
        builder.UseInputGuards(options, dependencies).UseOutputGuards(options, dependencies);

    /// <summary>Checks (and rewrites) each request with its model's or route's input guards before any provider is called.</summary>
    public static GatewayBuilder UseInputGuards(this GatewayBuilder builder, GuardOptions options, GuardDependencies dependencies)
    {
        if (Pipelines(builder, options, dependencies) is not { } pipelines)
        {
            return builder;
        }

        var recorder = new GuardRecorder(dependencies.Audit, dependencies.Time);
        return builder.Use(GatewayStage.InputGuard, inner => new InputGuardChatClient(inner, pipelines, recorder));
    }

    /// <summary>Checks each answer, whole or streamed, with its model's or route's output guards before it leaves the gateway.</summary>
    public static GatewayBuilder UseOutputGuards(this GatewayBuilder builder, GuardOptions options, GuardDependencies dependencies)
    {
        if (Pipelines(builder, options, dependencies) is not { } pipelines)
        {
            return builder;
        }

        var recorder = new GuardRecorder(dependencies.Audit, dependencies.Time);
        return builder.Use(GatewayStage.OutputGuard, inner => new OutputGuardChatClient(inner, pipelines, recorder));
    }

    private static GuardPipelines? Pipelines(GatewayBuilder builder, GuardOptions options, GuardDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        var problems = options.Validate(name => builder.Options.Find(name) is not null);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        return options.IsEmpty ? null : new GuardPipelines(options, dependencies);
    }
}
