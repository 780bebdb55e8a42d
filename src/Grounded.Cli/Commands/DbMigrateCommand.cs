using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Hosting;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded db migrate</c>: brings a store's schema up to this version of Grounded.</summary>
[Description("Bring the store's schema up to this version of Grounded (PostgreSQL: run once per upgrade, before the new version serves)")]
internal sealed class DbMigrateCommand : GroundedCommand<StoreSettings>
{
    protected override async Task<int> RunAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        var request = Options(settings).Rag.StoreRequest(allowModelChange: true);
        var migration = await Stores.All.For(request.Location).MigrateAsync(request, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new { store = migration.Location, fromVersion = migration.From, toVersion = migration.To, migrated = migration.To > migration.From });
        }
        else
        {
            CliConsole.Out.WriteLine(migration.To > migration.From
                ? $"migrated {migration.Location} from schema {migration.From} to {migration.To}"
                : $"{migration.Location} is at schema {migration.To}, the current one; nothing to do");
        }

        return ExitCodes.Success;
    }
}
