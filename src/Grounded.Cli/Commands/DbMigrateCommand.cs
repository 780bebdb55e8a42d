using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Postgres;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded db migrate</c>: brings a store's schema up to this version of Grounded.</summary>
[Description("Bring the store's schema up to this version of Grounded (PostgreSQL: run once per upgrade, before the new version serves)")]
internal sealed class DbMigrateCommand : GroundedCommand<StoreSettings>
{
    protected override async Task<int> RunAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        var location = settings.StoreDirectory;
        var model = ArcticXsModel.Profile(quantized: !settings.NoQuantize);
        int from, to;
        if (PostgresUrl.IsPostgres(location))
        {
            (from, to) = await PostgresMigrator.MigrateAsync(location, model, cancellationToken).ConfigureAwait(false);
            location = PostgresUrl.Redact(location);
        }
        else
        {
            // The embedded store upgrades itself in place whenever it is opened.
            await using var store = await SqliteChunkStore.OpenAsync(location, model, allowModelChange: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            (from, to, location) = (1, 1, store.Location);
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { store = location, fromVersion = from, toVersion = to, migrated = to > from });
        }
        else
        {
            CliConsole.Out.WriteLine(to > from ? $"migrated {location} from schema {from} to {to}" : $"{location} is at schema {to}, the current one; nothing to do");
        }

        return ExitCodes.Success;
    }
}
