using Grounded.Cli.Output;
using Grounded.Documents;
using Grounded.Gateway.Failures;
using Grounded.Hosting;
using Grounded.Hosting.Config;
using Grounded.Rag;
using Grounded.Rag.Embed;
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
                                        or ArgumentException or DocumentReadException or ConfigException or InvalidRequestException or ProviderRejectedException
                                        or BudgetExceededException or Grounded.Prompts.PromptConflictException
                                        or Grounded.Agents.Definitions.AgentDefinitionException or Grounded.Agents.Loop.AgentRunConflictException)
        {
            CliConsole.Error(error.Message);
            return ExitCodes.UserError;
        }
        catch (GatewayException error)
        {
            CliConsole.Error(error.Message); // providers that cannot serve, or rate-limit: not the user's doing
            return ExitCodes.SystemError;
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

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);

    /// <summary>Returns the configuration (config file, then environment) with the verb's flags laid over it.</summary>
    protected static GroundedOptions Options(StoreSettings settings) =>
        GroundedConfig.Load(settings.Config).WithCommandLine(settings.Store, settings.NoQuantize, settings is IExactSearchSettings { Exact: true });

    /// <summary>Builds the stack (the store and model open on first use) from the configuration and the verb's flags.</summary>
    protected static GroundedStack OpenStack(StoreSettings settings, Func<GroundedOptions, GroundedOptions>? adjust = null)
    {
        var options = Options(settings);
        return GroundedStack.Create(adjust is null ? options : adjust(options));
    }

    /// <summary>Builds a stack over a store of the verb's own making (the eval verbs' caches), outside the configuration.</summary>
    // Their questions are not traffic: they stay out of the query log.
    protected static GroundedStack OpenStack(LocalRagOptions rag) => GroundedStack.Create(new GroundedOptions { Rag = rag, QueryLog = false });
}
