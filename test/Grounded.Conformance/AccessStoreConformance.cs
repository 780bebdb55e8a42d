using System.Data.Common;
using Grounded.Access;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Conformance;

/// <summary>
/// What every <see cref="IAccessStore"/> must do, whatever it is built on: keys kept hashed and found by secret, rotated and
/// revoked, listed per tenant, their use recorded at most once a minute; and an audit log that only grows. A store's test class
/// inherits this and says how to open one store and how to run SQL against its tables.
/// </summary>
public abstract partial class AccessStoreConformance
{
    /// <summary>Gets the fake clock the store under test is opened with.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    private static readonly string[] NoGroups = [];

    private static CancellationToken None => CancellationToken.None;

    /// <summary>Opens the store under test with <paramref name="time"/>; called again, opens the same store.</summary>
    protected abstract Task<IAccessStore> OpenAsync(TimeProvider time);

    /// <summary>Runs <paramref name="sql"/> directly against the store's tables, as an operator with a database client would.</summary>
    protected abstract Task ExecuteAsync(string sql);

    [SkippableFact]
    public async Task ACreatedKeyIsFoundByItsSecretWithEverythingItWasCreatedWith()
    {
        await using var store = await OpenAsync(Time);
        var issued = await store.CreateAsync(new NewApiKey("acme", Role.Writer)
        {
            Name = "ingest bot",
            Groups = ["hr", "finance", "hr"],
            RequestsPerMinute = 60,
            TokensPerMinute = 10_000,
            ExpiresIn = TimeSpan.FromDays(90),
        }, None);

        Assert.StartsWith(KeySecret.Prefix + issued.Key.Id + "_", issued.Secret, StringComparison.Ordinal);
        var found = await store.FindBySecretAsync(issued.Secret, None);
        Assert.NotNull(found);
        AssertSame(issued.Key, found);
        Assert.Equal(("acme", Role.Writer, "ingest bot", (long?)60, (long?)10_000), (found.Tenant, found.Role, found.Name, found.RequestsPerMinute, found.TokensPerMinute));
        Assert.Equal(["finance", "hr"], found.Groups);
        Assert.Equal((Time.GetUtcNow(), (DateTimeOffset?)Time.GetUtcNow().AddDays(90)), (found.CreatedAt, found.ExpiresAt));
        Assert.Null(found.LastUsedAt);
        Assert.Null(found.RotatedAt);
        Assert.Null(found.RevokedAt);
        Assert.True(found.IsActive(Time.GetUtcNow()));
        AssertSame(issued.Key, (await store.GetAsync(issued.Key.Id, None))!);
    }

    [SkippableFact]
    public async Task AWrongSecretAnUnknownIdOrAStringThatIsNoKeyFindsNothing()
    {
        await using var store = await OpenAsync(Time);
        var issued = await store.CreateAsync(new NewApiKey("acme", Role.Reader), None);

        Assert.Null(await store.FindBySecretAsync(KeySecret.New(issued.Key.Id), None));
        Assert.Null(await store.FindBySecretAsync(KeySecret.New(KeySecret.NewId()), None));
        Assert.Null(await store.FindBySecretAsync("not-a-key", None));
        Assert.Null(await store.FindBySecretAsync(string.Empty, None));
        Assert.Null(await store.GetAsync(KeySecret.NewId(), None));
    }

    [SkippableFact]
    public async Task AnInvalidRequestIsRefusedListingEveryProblemAndNothingIsStored()
    {
        await using var store = await OpenAsync(Time);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(
            new NewApiKey("Acme Corp", (Role)7) { Groups = ["ok", "Not OK"], RequestsPerMinute = 0, ExpiresIn = TimeSpan.FromHours(-1) }, None));

        foreach (var part in new[] { "'Acme Corp'", "'7' is not a role", "'Not OK'", "expiry", "rate limits" })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        Assert.False(await store.AnyAsync(None));
        var admin = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(new NewApiKey("acme", Role.Admin) { Groups = ["finance"] }, None));
        Assert.Contains("an admin key covers its whole tenant", admin.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RotatingAKeyStopsItsOldSecretAtOnceAndIssuesANewOne()
    {
        await using var store = await OpenAsync(Time);
        var issued = await store.CreateAsync(new NewApiKey("acme", Role.Admin) { Name = "ops" }, None);
        Time.Advance(TimeSpan.FromMinutes(5));

        var rotated = await store.RotateAsync(issued.Key.Id, None);

        Assert.NotNull(rotated);
        Assert.NotEqual(issued.Secret, rotated.Secret);
        Assert.Equal((issued.Key.Id, "ops", (DateTimeOffset?)Time.GetUtcNow()), (rotated.Key.Id, rotated.Key.Name, rotated.Key.RotatedAt));
        Assert.Null(await store.FindBySecretAsync(issued.Secret, None));
        Assert.Equal(issued.Key.Id, (await store.FindBySecretAsync(rotated.Secret, None))?.Id);
        Assert.Null(await store.RotateAsync(KeySecret.NewId(), None));
    }

    [SkippableFact]
    public async Task OnlyActiveKeysCanBeRotated()
    {
        await using var store = await OpenAsync(Time);
        var revoked = await store.CreateAsync(new NewApiKey("acme", Role.Reader), None);
        var expiring = await store.CreateAsync(new NewApiKey("acme", Role.Reader) { ExpiresIn = TimeSpan.FromHours(1) }, None);
        await store.RevokeAsync(revoked.Key.Id, None);
        Time.Advance(TimeSpan.FromHours(2));

        Assert.Null(await store.RotateAsync(revoked.Key.Id, None));
        Assert.Null(await store.RotateAsync(expiring.Key.Id, None));
        Assert.Equal(revoked.Key.Id, (await store.FindBySecretAsync(revoked.Secret, None))?.Id);
        Assert.Equal(expiring.Key.Id, (await store.FindBySecretAsync(expiring.Secret, None))?.Id);
    }

    [SkippableFact]
    public async Task ARevokedKeyIsStillFoundBySecretButNoLongerActiveAndCannotBeRevokedAgain()
    {
        await using var store = await OpenAsync(Time);
        var issued = await store.CreateAsync(new NewApiKey("acme", Role.Reader), None);
        Time.Advance(TimeSpan.FromMinutes(3));

        var revoked = await store.RevokeAsync(issued.Key.Id, None);

        Assert.Equal(Time.GetUtcNow(), revoked?.RevokedAt);
        var found = await store.FindBySecretAsync(issued.Secret, None);
        Assert.NotNull(found);
        Assert.Equal(Time.GetUtcNow(), found.RevokedAt);
        Assert.False(found.IsActive(Time.GetUtcNow()));
        Assert.Null(await store.RevokeAsync(issued.Key.Id, None));
        Assert.Null(await store.RevokeAsync(KeySecret.NewId(), None));
    }

    [SkippableFact]
    public async Task KeysAreListedNewestFirstForOneTenantOrAllAndAnyTellsWhetherThereAreAny()
    {
        await using var store = await OpenAsync(Time);
        Assert.False(await store.AnyAsync(None));
        var ids = new List<string>();
        foreach (var tenant in new[] { "acme", "globex", "acme" })
        {
            ids.Add((await store.CreateAsync(new NewApiKey(tenant, Role.Reader), None)).Key.Id);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        await store.RevokeAsync(ids[0], None);

        Assert.True(await store.AnyAsync(None));
        Assert.Equal([ids[2], ids[0]], (await store.ListAsync("acme", None)).Select(k => k.Id));
        Assert.Equal([ids[2], ids[1], ids[0]], (await store.ListAsync(null, None)).Select(k => k.Id));
        Assert.Empty(await store.ListAsync("initech", None));
    }

    [SkippableFact]
    public async Task UsingAKeyIsRecordedAtMostOncePerMinute()
    {
        await using var store = await OpenAsync(Time);
        var id = (await store.CreateAsync(new NewApiKey("acme", Role.Reader), None)).Key.Id;
        Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 31, 5, TimeSpan.Zero));
        var first = Time.GetUtcNow();

        await store.TouchAsync(id, None);
        Time.Advance(TimeSpan.FromSeconds(40));
        await store.TouchAsync(id, None);
        Assert.Equal(first, (await store.GetAsync(id, None))?.LastUsedAt);

        Time.Advance(TimeSpan.FromSeconds(20));
        await store.TouchAsync(id, None);
        Assert.Equal(Time.GetUtcNow(), (await store.GetAsync(id, None))?.LastUsedAt);
    }

    [SkippableFact]
    public async Task TheAuditLogReturnsTheNewestEntriesSinceATimeOldestFirstForOneTenantOrAll()
    {
        await using var store = await OpenAsync(Time);
        var start = Time.GetUtcNow();
        foreach (var (minute, tenant) in new[] { (0, "acme"), (1, "globex"), (2, "acme"), (3, "acme"), (4, "globex") })
        {
            await store.AppendAsync(new AuditEntry(start.AddMinutes(minute), "key1", tenant, "key.created", $"k{minute}", "10.0.0.1")
            {
                Detail = minute == 2 ? "role=admin" : string.Empty,
            }, None);
        }

        Assert.Equal(["k0", "k1", "k2", "k3", "k4"], (await store.ReadAsync(start, null, 100, None)).Select(e => e.Target));
        Assert.Equal(["k2", "k3", "k4"], (await store.ReadAsync(start.AddMinutes(2), null, 100, None)).Select(e => e.Target));
        Assert.Equal(["k0", "k2", "k3"], (await store.ReadAsync(start, "acme", 100, None)).Select(e => e.Target));
        Assert.Equal(["k3", "k4"], (await store.ReadAsync(start, null, 2, None)).Select(e => e.Target));
        Assert.Equal(["k2", "k3"], (await store.ReadAsync(start.AddMinutes(1), "acme", 2, None)).Select(e => e.Target));
        Assert.Empty(await store.ReadAsync(start.AddMinutes(5), null, 100, None));

        var entry = (await store.ReadAsync(start, "acme", 100, None))[1];
        Assert.Equal((start.AddMinutes(2), "key1", "acme", "key.created", "k2", "10.0.0.1", "role=admin"),
            (entry.At, entry.Actor, entry.Tenant, entry.Action, entry.Target, entry.Origin, entry.Detail));
    }

    [SkippableFact]
    public async Task TheAuditLogRefusesUpdatesAndDeletesEvenFromOutsideGrounded()
    {
        await using var store = await OpenAsync(Time);
        await store.AppendAsync(new AuditEntry(Time.GetUtcNow(), "key1", "acme", "key.revoked", "k1", "cli@host"), None);

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync("UPDATE audit_log SET actor = 'someone else'"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync("DELETE FROM audit_log"));

        var kept = Assert.Single(await store.ReadAsync(DateTimeOffset.MinValue, null, 10, None));
        Assert.Equal(("key1", "k1"), (kept.Actor, kept.Target));
    }

    [SkippableFact]
    public async Task AReopenedStoreHoldsTheSameKeysAndLog()
    {
        IssuedKey issued;
        await using (var store = await OpenAsync(Time))
        {
            issued = await store.CreateAsync(new NewApiKey("acme", Role.Reader), None);
            await store.AppendAsync(new AuditEntry(Time.GetUtcNow(), "local", "acme", "key.created", issued.Key.Id, "cli@host"), None);
        }

        await using var reopened = await OpenAsync(Time);
        Assert.Equal(issued.Key.Id, (await reopened.FindBySecretAsync(issued.Secret, None))?.Id);
        Assert.Equal(issued.Key.Id, Assert.Single(await reopened.ReadAsync(DateTimeOffset.MinValue, "acme", 10, None)).Target);
    }

    private static void AssertSame(ApiKey expected, ApiKey actual)
    {
        // Records compare lists by reference, so the groups are compared apart.
        Assert.Equal(expected with { Groups = NoGroups }, actual with { Groups = NoGroups });
        Assert.Equal(expected.Groups, actual.Groups);
    }
}
