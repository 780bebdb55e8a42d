using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Grounded.Bench.Load.Rig;

/// <summary>
/// The PostgreSQL + pgvector and Redis that scripts/services.sh started (their addresses come from its environment lines),
/// with a fresh database per run, the CPU each one has used (from /proc), and a way to stop and start either one.
/// </summary>
internal sealed class Services(string postgresUrl, string redis, string directory, string script)
{
    public string PostgresUrl { get; } = postgresUrl;

    public string Redis { get; } = redis;

    public string Directory { get; } = directory;

    public static Services FromEnvironment(string repository)
    {
        var pg = Environment.GetEnvironmentVariable("GROUNDED_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("GROUNDED_TEST_REDIS");
        if (string.IsNullOrEmpty(pg) || string.IsNullOrEmpty(redis))
        {
            throw new InvalidOperationException("PostgreSQL and Redis are not running: run this through bench/load/run.sh, or eval \"$(scripts/services.sh start)\" first");
        }

        var dir = Environment.GetEnvironmentVariable("GROUNDED_SERVICES_DIR") ?? "/tmp/grounded-services";
        return new Services(pg, redis, dir, Path.Combine(repository, "scripts", "services.sh"));
    }

    /// <summary>Creates an empty database named <paramref name="name"/> on the same server; returns its URL.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(PostgresUrl, "postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        var uri = new Uri(PostgresUrl);
        return $"{uri.Scheme}://{uri.UserInfo}@{uri.Host}:{uri.Port}/{name}";
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString(PostgresUrl, "postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one query on <paramref name="url"/> and returns the first column of the first row.</summary>
    public static async Task<long> ScalarAsync(string url, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(url, null));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static string ConnectionString(string url, string? database)
    {
        var uri = new Uri(url);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        return $"Host={uri.Host};Port={uri.Port};Username={user};Database={database ?? uri.AbsolutePath.Trim('/')};Pooling=false;Timeout=5";
    }

    /// <summary>Stops one service (postgres or redis), keeping its data, as an outage would.</summary>
    public Task DownAsync(string service) => RunScriptAsync("down", service);

    /// <summary>Starts whatever is not running again, on the same ports with the same data.</summary>
    public Task UpAsync() => RunScriptAsync("start");

    private async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GROUNDED_SERVICES_DIR"] = Directory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"services.sh {string.Join(' ', arguments)} failed: {(await error).Trim()}");
        }

        await output;
    }

    /// <summary>CPU seconds PostgreSQL has used: the postmaster, its ended children (counted in it) and its live backends.</summary>
    public double PostgresCpuSeconds()
    {
        var pidFile = Path.Combine(Directory, "pg", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster))
        {
            return double.NaN;
        }

        return ProcStat.CpuSeconds(postmaster, withChildren: true)
            + ProcStat.Children(postmaster).Sum(child => ProcStat.CpuSeconds(child, withChildren: false));
    }

    public double RedisCpuSeconds()
    {
        var pidFile = Path.Combine(Directory, "redis.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) ? ProcStat.CpuSeconds(pid, withChildren: false) : double.NaN;
    }
}
