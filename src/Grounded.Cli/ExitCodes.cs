namespace Grounded.Cli;

/// <summary>The CLI's documented exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The input was wrong (bad arguments, missing path, unusable store, an invalid prompt registry) or some files failed to
    /// ingest; <c>prompts promote</c>: the evaluation gate refused the version (or it has no score and no <c>--force</c>);
    /// <c>prompts rollback</c>: there is no previous version to restore.
    /// </summary>
    public const int UserError = 1;

    /// <summary>Something outside the user's control failed (a bug, the machine, a library).</summary>
    public const int SystemError = 2;

    /// <summary><c>agent run</c>, <c>agent approve</c>, <c>agent reject</c>: the run ended without an answer (a cap stopped it, a person rejected it, or its model failed); its <c>exitReason</c> says which.</summary>
    public const int AgentStopped = 3;

    /// <summary><c>agent run</c>, <c>agent approve</c>: the run is paused until a person approves or rejects what it waits on.</summary>
    public const int AgentWaiting = 4;

    /// <summary>The run was cancelled with Ctrl-C; nothing half-written was kept.</summary>
    public const int Cancelled = 130;
}
