using Grounded.Cli.Commands;
using Grounded.Rag.Embed;

namespace Grounded.Cli.Tests.Commands;

public sealed class MissingModelTests
{
    [Fact]
    public void AMissingFloat32ModelIsAUserErrorThatSaysWhatToDoInstead()
    {
        var (message, exitCode) = MissingModel.Describe(new ModelNotInstalledException("snowflake-arctic-embed-xs", "library message", null));

        Assert.Equal(ExitCodes.UserError, exitCode);
        Assert.StartsWith("the float32 model snowflake-arctic-embed-xs is not part of this installation", message, StringComparison.Ordinal);
        Assert.Contains("leave out --no-quantize", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void AMissingInt8ModelIsABrokenInstallationReportedAsTheLibrarySaysIt()
    {
        var (message, exitCode) = MissingModel.Describe(new ModelNotInstalledException("snowflake-arctic-embed-xs@int8", "reinstall Grounded", null));

        Assert.Equal(ExitCodes.SystemError, exitCode);
        Assert.Equal("reinstall Grounded", message);
    }
}
