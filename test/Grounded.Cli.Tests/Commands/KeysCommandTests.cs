using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded keys</c> and <c>grounded audit</c> on a store of their own (no embedding model is loaded).</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CreatePrintsTheSecretOnceAndListShowOnlyTheKeysDescription()
    {
        var created = await RunJsonAsync("keys", "create", "--tenant", "acme", "--role", "writer", "--name", "ci", "--groups", "finance,board", "--rpm", "60", "--expires", "90d");

        var id = created.GetProperty("id").GetString()!;
        Assert.StartsWith($"grd_{id}_", created.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(("acme", "writer"), (created.GetProperty("tenant").GetString(), created.GetProperty("role").GetString()));
        Assert.Equal(60, created.GetProperty("rpm").GetInt64());
        Assert.InRange((created.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalDays, 89.9, 90.1);

        var listed = await RunAsync("keys", "list", "--json");
        var shown = await RunAsync("keys", "show", id, "--json");
        Assert.DoesNotContain("grd_", listed.Stdout + shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(["board", "finance"], JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(id, JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task RotateAndRevokeAreRecordedInTheAuditLogWithTheLocalAdminAsActor()
    {
        var id = (await RunJsonAsync("keys", "create", "--tenant", "acme", "--role", "reader")).GetProperty("id").GetString()!;
        var rotated = await RunJsonAsync("keys", "rotate", id);
        var revoked = await RunJsonAsync("keys", "revoke", id);

        Assert.StartsWith($"grd_{id}_", rotated.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, revoked.GetProperty("revokedAt").ValueKind);
        var again = await RunAsync("keys", "revoke", id);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"no active key with id '{id}'", Assert.Single(again.ErrorLines), StringComparison.Ordinal);

        var audit = (await RunJsonAsync("audit", "--since", "1h")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["key.created", "key.rotated", "key.revoked"], audit.Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit, e => Assert.Equal(("local", id), (e.GetProperty("actor").GetString(), e.GetProperty("target").GetString())));
    }

    [Theory]
    [InlineData("--role", "owner", "--role: 'owner' is not reader, writer or admin")]
    [InlineData("--expires", "soon", "--expires: 'soon' is not a duration")]
    [InlineData("--groups", "Finance Team", "'Finance Team' is not a usable group name")]
    public async Task ABadOptionIsAOneLineUserErrorAndCreatesNoKey(string option, string value, string message)
    {
        var result = await RunAsync("keys", "create", "--tenant", "acme", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse((await RunAsync("keys", "list", "--json")).Stdout).RootElement.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task CreateWithoutATenantSaysSo()
    {
        var result = await RunAsync("keys", "create", "--role", "admin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--tenant is required", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_dir, [.. args, "--store", "store"]);

    private async Task<JsonElement> RunJsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement;
    }
}
