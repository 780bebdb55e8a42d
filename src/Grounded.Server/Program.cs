using Grounded.Server;

// Standalone host: dotnet run --project src/Grounded.Server -- --config grounded.yaml [--urls URL] [--store DIR]
// Users run the same server through `grounded serve` (ServerHost.RunAsync); this entry point exists for
// WebApplicationFactory<Program> in the tests and for running the server project directly.
var app = GroundedServer.Build(args);
await app.RunAsync();

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
