using Grounded.Rag.Embed;

namespace Grounded.Cli.Commands;

/// <summary>Says what to do when an embedding model is not part of this installation (the tool ships the int8 models only).</summary>
internal static class MissingModel
{
    /// <summary>Returns the one-line message and the exit code for <paramref name="missing"/>.</summary>
    public static (string Message, int ExitCode) Describe(ModelNotInstalledException missing) =>
        missing.ModelId.EndsWith("@int8", StringComparison.Ordinal) || missing.ModelId.Length == 0
            ? (missing.Message, ExitCodes.SystemError) // the shipped int8 model is gone: the installation is broken
            : ($"the float32 model {missing.ModelId} is not part of this installation (the grounded tool ships the int8 "
               + "models only); leave out --no-quantize (grounded reindex converts a float32 store to int8), or run grounded "
               + "from its source code with dotnet run, which includes the float32 models", ExitCodes.UserError);
}
