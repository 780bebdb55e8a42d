using Grounded.Server;

// Standalone host: dotnet run --project src/Grounded.Server -- --config grounded.yaml [--urls URL] [--store DIR]
// (the CLI's `grounded serve` builds the same host).
var app = GroundedServer.Build(args);
await app.RunAsync();

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
