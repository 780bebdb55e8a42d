using System.Threading.Channels;
using Grounded.Hosting;
using Grounded.Hosting.Config;

namespace Grounded.Server.Lifecycle;

/// <summary>
/// Reloads the config file when it changes (or on SIGHUP, <see cref="Request"/>): the new file is read and validated as at
/// start-up; the settings a running server can swap (<see cref="ReloadableSettings"/>) are applied, a change to any other
/// is logged as needing a restart, and an invalid file is logged with its problems while the running config is kept.
/// The folder is watched, not the file: editors replace files, and Kubernetes swaps a ConfigMap's folder link.
/// </summary>
internal sealed partial class ConfigReloadService(GroundedOptions started, RunningConfig running, GroundedStack stack, TimeProvider time, ILogger<ConfigReloadService> log)
    : BackgroundService
{
    /// <summary>How long the file must be quiet before it is read: an editor's save is several events.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _forced;

    /// <summary>Asks for a reload even if the file's text did not change (SIGHUP).</summary>
    public void Request()
    {
        Interlocked.Exchange(ref _forced, 1);
        _requests.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (started.ConfigFile is not { } path)
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false) && _requests.Reader.TryRead(out _))
            {
                LogNoFile(log);
            }

            return;
        }

        var full = Path.GetFullPath(path);
        ConfigReading first, applied;
        var text = await TryReadAsync(full, stoppingToken).ConfigureAwait(false);
        try
        {
            applied = first = GroundedConfig.Read(full);
        }
        catch (Exception e) when (e is ConfigException or IOException)
        {
            LogNotWatched(log, path, e.Message); // it was read at start-up a moment ago: changed or gone since
            return;
        }

        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!) { IncludeSubdirectories = false };
        watcher.Changed += (_, _) => _requests.Writer.TryWrite(false);
        watcher.Created += (_, _) => _requests.Writer.TryWrite(false);
        watcher.Renamed += (_, _) => _requests.Writer.TryWrite(false);
        watcher.Deleted += (_, _) => _requests.Writer.TryWrite(false);
        watcher.EnableRaisingEvents = true;
        while (await _requests.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            do
            {
                await Task.Delay(Settle, time, stoppingToken).ConfigureAwait(false);
                while (_requests.Reader.TryRead(out _))
                {
                }
            }
            while (_requests.Reader.TryPeek(out _));

            var forced = Interlocked.Exchange(ref _forced, 0) == 1;
            var now = await TryReadAsync(full, stoppingToken).ConfigureAwait(false);
            if (now == text && !forced)
            {
                continue; // another file of the folder, or the same text saved again
            }

            text = now;
            applied = Reload(path, first, applied);
        }
    }

    private ConfigReading Reload(string path, ConfigReading first, ConfigReading applied)
    {
        ConfigReading newer;
        try
        {
            newer = GroundedConfig.Read(path);
        }
        catch (Exception e) when (e is ConfigException or IOException or UnauthorizedAccessException)
        {
            LogInvalid(log, e.Message);
            return applied;
        }

        var apply = applied.ChangedIn(newer).Where(ReloadableSettings.Applies).ToList();
        if (apply.Count > 0)
        {
            running.Apply(ReloadableSettings.Apply(running.Current, newer.Options));
            stack.Keys.ReplaceConfigKeys(running.Current.Gateway.ApiKeyHashes);
        }

        LogReloaded(log, path, apply.Count > 0 ? string.Join(", ", apply) : "nothing to apply");
        var restart = first.ChangedIn(newer).Where(s => !ReloadableSettings.Applies(s)).ToList();
        if (restart.Count > 0)
        {
            LogRestartNeeded(log, string.Join(", ", restart));
        }

        return newer;
    }

    // The file's text, or null while it cannot be read (gone, or being replaced): the next event reads it again.
    private static async Task<string?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "config {File} reloaded: {Applied}")]
    private static partial void LogReloaded(ILogger logger, string file, string applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Settings} changed: restart to apply")]
    private static partial void LogRestartNeeded(ILogger logger, string settings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "config not reloaded, the running config is kept: {Problems}")]
    private static partial void LogInvalid(ILogger logger, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "config reload asked, but the server was started without a config file")]
    private static partial void LogNoFile(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "config {File} is not watched for changes: {Message}")]
    private static partial void LogNotWatched(ILogger logger, string file, string message);
}
