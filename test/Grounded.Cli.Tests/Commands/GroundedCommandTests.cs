using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

public sealed class GroundedCommandTests
{
    [Fact]
    public async Task AnUnreadableStoreExitsWithAUserErrorAndIsLeftUnchanged()
    {
        using var dir = new TempDirectory();
        var garbage = new byte[16 * 1024];
        new Random(9).NextBytes(garbage);
        var db = dir.Write("store/grounded.db", garbage);

        var result = await CliRunner.RunAsync(dir.Path, "search", "anything", "--store", "store");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: cannot open store 'store'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(db));
        Assert.Equal(["grounded.db"], Directory.GetFiles(dir.Combine("store")).Select(Path.GetFileName));
    }
}
