using Grounded.Cli.Output;
using Grounded.Documents;
using Grounded.Rag;
using Grounded.Rag.Embed;
using Grounded.Rag.Index.Ann;
using Grounded.Storage;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Runs a verb and maps failures to the documented exit codes with a one-line message on stderr.</summary>
internal abstract class GroundedCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CliConsole.Error("cancelled; documents being written were rolled back");
            return ExitCodes.Cancelled;
        }
        catch (ModelNotInstalledException missing)
        {
            var (message, exitCode) = MissingModel.Describe(missing);
            CliConsole.Error(message);
            return exitCode;
        }
        catch (Exception error) when (error is UserInputException or StoreException or FileNotFoundException or DirectoryNotFoundException
                                        or ArgumentException or DocumentReadException)
        {
            CliConsole.Error(error.Message);
            return ExitCodes.UserError;
        }
        catch (Exception error)
        {
            CliConsole.Error($"internal error ({error.GetType().Name}): {error.Message}");
            if (Environment.GetEnvironmentVariable("GROUNDED_DEBUG") == "1")
            {
                Console.Error.WriteLine(error);
            }

            return ExitCodes.SystemError;
        }
    }

    /// <summary>The ANN options: off with --exact; the threshold from GROUNDED_ANN_MIN_VECTORS and the search effort from GROUNDED_ANN_EF_SEARCH when set.</summary>
    private static AnnOptions AnnSettings(StoreSettings settings)
    {
        var options = new AnnOptions { Enabled = settings is not QuerySettings { Exact: true } };
        if (WholeNumberFromEnvironment("GROUNDED_ANN_MIN_VECTORS", "a whole number of vectors") is { } minimum)
        {
            options = options with { MinimumVectors = minimum };
        }

        if (WholeNumberFromEnvironment("GROUNDED_ANN_EF_SEARCH", "a whole number") is { } expansion)
        {
            options = options with { ExpansionSearch = expansion }; // range checked with the other options at open
        }

        return options;
    }

    private static int? WholeNumberFromEnvironment(string name, string what)
    {
        if (Environment.GetEnvironmentVariable(name) is not { Length: > 0 } text)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UserInputException($"{name} must be {what} (got '{text}')");
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);

    /// <summary>Opens the store and the model the settings name.</summary>
    protected static Task<LocalRag> OpenAsync(StoreSettings settings, CancellationToken cancellationToken, Func<LocalRagOptions, LocalRagOptions>? adjust = null)
    {
        var options = new LocalRagOptions
        {
            StoreDirectory = settings.StoreDirectory,
            QuantizedEmbeddings = !settings.NoQuantize,
            OpenStore = StoreOpener.For(settings.StoreDirectory),
            Ann = AnnSettings(settings),
        };
        return LocalRag.OpenAsync(adjust is null ? options : adjust(options), cancellationToken);
    }
}
