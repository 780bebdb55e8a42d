using System.Diagnostics;

namespace Grounded.Cli.Tests.Support;

/// <summary>What one run of the CLI did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Gets stderr's non-empty lines.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the built CLI (grounded.dll, copied beside the tests) as a separate process, the way a user would.</summary>
public static class CliRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "grounded.dll");

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWithInputAsync(workingDirectory, string.Empty, environment, args);

    /// <summary>Runs the CLI with <paramref name="input"/> on its standard input.</summary>
    public static async Task<CliResult> RunWithInputAsync(string workingDirectory, string input, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"grounded {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the CLI without waiting (output redirected), for tests that stop it themselves.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("GROUNDED_HOME");
        start.Environment.Remove("GROUNDED_DEBUG");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the CLI did not start");
    }
}
