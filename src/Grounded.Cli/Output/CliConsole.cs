using Spectre.Console;

namespace Grounded.Cli.Output;

/// <summary>Where the CLI writes: results on stdout, progress and errors on stderr, so <c>--json</c> output stays parseable.</summary>
internal static class CliConsole
{
    // Redirected output is read by programs and other tools, which a hard wrap at Spectre's default 80 columns would
    // break ("grep failed" missing the end of a long path); tables still shrink to their content.
    private const int RedirectedWidth = 4096;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Err { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>Gets whether progress bars can be drawn: only on an interactive terminal.</summary>
    public static bool CanShowProgress => !Console.IsErrorRedirected && Err.Profile.Capabilities.Interactive;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>Writes a one-line error on stderr.</summary>
    public static void Error(string message) =>
        Console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ").Trim()}");
}
