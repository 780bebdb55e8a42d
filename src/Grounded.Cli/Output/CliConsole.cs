using Spectre.Console;

namespace Grounded.Cli.Output;

/// <summary>Where the CLI writes: results on stdout, progress and errors on stderr, so <c>--json</c> output stays parseable.</summary>
internal static class CliConsole
{
    public static IAnsiConsole Out { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    public static IAnsiConsole Err { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Gets whether progress bars can be drawn: only on an interactive terminal.</summary>
    public static bool CanShowProgress => !Console.IsErrorRedirected && Err.Profile.Capabilities.Interactive;

    /// <summary>Writes a one-line error on stderr.</summary>
    public static void Error(string message) =>
        Console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ").Trim()}");
}
