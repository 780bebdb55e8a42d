using Grounded.Hosting;

namespace Grounded.Server.Lifecycle;

/// <summary>Adds the server's graceful operations: signals, the shutdown's delay and drain, and config reloads.</summary>
internal static class LifecycleServices
{
    public static IServiceCollection AddGracefulOperations(this IServiceCollection services)
    {
        services.AddSingleton(sp => new RunningConfig(sp.GetRequiredService<GroundedOptions>()));
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
        services.AddSingleton<ConfigReloadService>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigReloadService>());
        services.AddSingleton<IHostLifetime, SignalLifetime>();
        // The host cuts what is left once the delay, the drain and the grace are over.
        services.AddOptions<HostOptions>().Configure<GroundedOptions>((host, options) =>
            host.ShutdownTimeout = options.Shutdown.Delay + options.Shutdown.DrainTimeout + GracefulShutdown.Grace);
        return services;
    }
}
