using Grounded.Cli;
using Grounded.Cli.Commands;
using Grounded.Cli.Output;
using Spectre.Console.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // let the running transaction roll back before the process exits
    cancellation.Cancel();
};

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grounded");
    config.UseStrictParsing();
    config.ConfigureConsole(CliConsole.Out);
    config.SetExceptionHandler((error, _) =>
    {
        CliConsole.Error(error is CommandParseException or CommandRuntimeException ? error.Message : $"internal error: {error.Message}");
        return error is CommandParseException or CommandRuntimeException ? ExitCodes.UserError : ExitCodes.SystemError;
    });
    config.AddCommand<AskCommand>("ask")
        .WithExample("ask", "\"How does Grounded decide to abstain?\"")
        .WithExample("ask", "\"What is the incubation period?\"", "--store", "./papers-index", "--top-k", "8", "--json");
    config.AddCommand<SearchCommand>("search")
        .WithExample("search", "\"chunk overlap\"", "--top-k", "10")
        .WithExample("search", "\"incubation period\"", "--store", "./papers-index", "--json");
    config.AddCommand<IngestCommand>("ingest")
        .WithExample("ingest", "./docs")
        .WithExample("ingest", "./papers", "./notes/summary.md", "--store", "./papers-index", "--chunk-tokens", "256", "--overlap", "32")
        .WithExample("ingest", "./papers", "--prune", "--json");
    config.AddCommand<ReindexCommand>("reindex")
        .WithExample("reindex", "--store", "./papers-index");
    config.AddCommand<ServeCommand>("serve")
        .WithExample("serve", "--config", "grounded.yaml")
        .WithExample("serve", "--config", "grounded.yaml", "--urls", "http://127.0.0.1:8080", "--store", "./papers-index");
    config.AddCommand<StatusCommand>("status")
        .WithExample("status", "--json");
});

return await app.RunAsync(args, cancellation.Token).ConfigureAwait(false);
