using System.Security.Cryptography;
using System.Text;
using Grounded.Access;
using Grounded.Hosting.Access;
using Grounded.Rag.Access;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Hosting.Tests.Access;

public sealed class KeyAuthenticatorTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-auth-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private SqliteAccessStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteAccessStore.OpenAsync(_dir, _time);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await Grounded.Testing.Folders.DeleteAsync(_dir);
    }

    [Fact]
    public async Task WhileNoKeyExistsAnyCallerIsTheAnonymousAdminOfTheDefaultTenant()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer sk-whatever", default);

        Assert.Equal(KeyAuthenticator.Anonymous, result.Identity);
        Assert.Equal((Tenants.Default, Role.Admin), (result.Identity!.Tenant, result.Identity.Role));
        Assert.Null(result.Identity.Groups);
    }

    [Fact]
    public async Task AStoreNotCreatedYetHasNoKeysAndOneThatCannotBeReadFailsAsTheStoreNotAsAMissingKey()
    {
        var missing = new KeyAuthenticator([], _ => Task.FromException<IAccessStore>(new Storage.StoreException("no store yet") { NotCreated = true }), _time);
        var unreadable = new KeyAuthenticator([], _ => Task.FromException<IAccessStore>(new Storage.StoreException("connection refused")), _time);

        Assert.Equal(KeyAuthenticator.Anonymous, (await missing.AuthenticateAsync(null, default)).Identity);
        var error = await Assert.ThrowsAsync<Storage.StoreException>(async () => await unreadable.AuthenticateAsync(null, default));
        Assert.Contains("cannot tell whether this server requires API keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileTheStoreIsDownItsLastAnswerAboutKeysStillHoldsSinceNoKeyCanChangeMeanwhile()
    {
        var down = false;
        var authenticator = new KeyAuthenticator([], _ => down ? Task.FromException<IAccessStore>(new Storage.StoreException("connection refused")) : Task.FromResult<IAccessStore>(_store), _time);
        Assert.Equal(KeyAuthenticator.Anonymous, (await authenticator.AuthenticateAsync(null, default)).Identity);

        down = true;
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(KeyAuthenticator.Anonymous, (await authenticator.AuthenticateAsync(null, default)).Identity);

        down = false;
        await _store.CreateAsync(new NewApiKey("acme", Role.Reader), default);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.StartsWith("Missing API key", (await authenticator.AuthenticateAsync(null, default)).Problem, StringComparison.Ordinal);
        down = true;
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.StartsWith("Missing API key", (await authenticator.AuthenticateAsync(null, default)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatMayNotBeOpenRefusesCallersWithoutAKeyEvenWhenNoKeyExists()
    {
        var authenticator = Authenticator();
        authenticator.AllowAnonymous = false;

        Assert.StartsWith("Missing API key", (await authenticator.AuthenticateAsync(null, default)).Problem, StringComparison.Ordinal);
        Assert.Equal("Invalid API key.", (await authenticator.AuthenticateAsync("Bearer sk-anything", default)).Problem);
    }

    [Fact]
    public async Task AKeyFromTheConfigFileIsAdminOfTheDefaultTenantAndOthersAreRefused()
    {
        var authenticator = Authenticator(configKeys: ["sk-config"]);

        Assert.Equal(KeyAuthenticator.ConfigAdmin, (await authenticator.AuthenticateAsync("Bearer sk-config", default)).Identity);
        Assert.Equal("Invalid API key.", (await authenticator.AuthenticateAsync("Bearer sk-other", default)).Problem);
        Assert.StartsWith("Missing API key", (await authenticator.AuthenticateAsync("", default)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreKeyBecomesItsTenantRoleGroupsAndLimits()
    {
        var issued = await _store.CreateAsync(new NewApiKey("acme", Role.Writer) { Groups = ["finance"], RequestsPerMinute = 5, TokensPerMinute = 900 }, default);

        var identity = (await Authenticator().AuthenticateAsync("Bearer " + issued.Secret, default)).Identity!;

        Assert.Equal((issued.Key.Id, "acme", Role.Writer), (identity.KeyId, identity.Tenant, identity.Role));
        Assert.Equal(["finance"], identity.Groups);
        Assert.Equal((5L, 900L), (identity.RequestsPerMinute, identity.TokensPerMinute));
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedOnceItsLastReadIsThreeQuartersOfASecondOld()
    {
        var issued = await _store.CreateAsync(new NewApiKey("acme", Role.Reader), default);
        var authenticator = Authenticator();
        Assert.NotNull((await authenticator.AuthenticateAsync("Bearer " + issued.Secret, default)).Identity);

        await _store.RevokeAsync(issued.Key.Id, default);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.NotNull((await authenticator.AuthenticateAsync("Bearer " + issued.Secret, default)).Identity); // still trusted, not yet re-read
        _time.Advance(TimeSpan.FromMilliseconds(550));

        Assert.Equal("This API key was revoked.", (await authenticator.AuthenticateAsync("Bearer " + issued.Secret, default)).Problem);
    }

    [Fact]
    public async Task AKeyInSteadyUseIsReadAgainInTheBackgroundSoARevocationIsSeenWithoutARequestWaitingForTheStore()
    {
        var issued = await _store.CreateAsync(new NewApiKey("acme", Role.Reader), default);
        var authenticator = Authenticator();
        await authenticator.AuthenticateAsync("Bearer " + issued.Secret, default);
        await _store.RevokeAsync(issued.Key.Id, default);
        _time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.NotNull((await authenticator.AuthenticateAsync("Bearer " + issued.Secret, default)).Identity); // served, and read again behind it

        await WaitUntilAsync(async () => (await authenticator.AuthenticateAsync("Bearer " + issued.Secret, default)).Problem == "This API key was revoked.");
    }

    [Fact]
    public async Task AnExpiredKeyIsRefusedAndForgettingAKeyTakesEffectAtOnce()
    {
        var expiring = await _store.CreateAsync(new NewApiKey("acme", Role.Reader) { ExpiresIn = TimeSpan.FromHours(1) }, default);
        var rotated = await _store.CreateAsync(new NewApiKey("acme", Role.Reader), default);
        var authenticator = Authenticator();
        Assert.NotNull((await authenticator.AuthenticateAsync("Bearer " + rotated.Secret, default)).Identity);

        await _store.RotateAsync(rotated.Key.Id, default);
        authenticator.Forget(rotated.Key.Id);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal("Invalid API key.", (await authenticator.AuthenticateAsync("Bearer " + rotated.Secret, default)).Problem);
        Assert.Equal("This API key has expired.", (await authenticator.AuthenticateAsync("Bearer " + expiring.Secret, default)).Problem);
    }

    [Fact]
    public async Task UsingAKeyRecordsWhenItWasLastUsed()
    {
        var issued = await _store.CreateAsync(new NewApiKey("acme", Role.Reader), default);

        await Authenticator().AuthenticateAsync("Bearer " + issued.Secret, default);

        await WaitUntilAsync(async () => (await _store.GetAsync(issued.Key.Id, default))!.LastUsedAt == _time.GetUtcNow());
    }

    private KeyAuthenticator Authenticator(IReadOnlyList<string>? configKeys = null) => new(
        [.. (configKeys ?? []).Select(k => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(k))))],
        _ => Task.FromResult<IAccessStore>(_store), _time);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(await condition());
    }
}
