using System.Net;
using System.Net.Http.Headers;
using Grounded.Access;
using Grounded.Rag.Access;
using Grounded.Server.Tests.Support;
using Grounded.Testing;

namespace Grounded.Server.Tests.Requests;

/// <summary>Two servers (replicas) on one store and one Redis share each key's rate limit.</summary>
public sealed class SharedRateLimitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-shared-limit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task AKeysRequestsPerMinuteAreCountedOnceAcrossReplicas()
    {
        var redis = TestServices.Redis;
        var store = Path.Combine(_dir, "store");
        string secret;
        await using (var keys = await SqliteAccessStore.OpenAsync(store))
        {
            secret = (await keys.CreateAsync(new NewApiKey("acme", Role.Reader) { RequestsPerMinute = 5 }, default)).Secret;
        }

        var yaml = $"redis: {{ url: '{redis}', keyPrefix: 'test-{Guid.NewGuid():N}:' }}";
        using var first = GroundedFactory.Create(_dir, new Uri("http://127.0.0.1:9/v1"), store, yaml);
        using var second = GroundedFactory.Create(_dir, new Uri("http://127.0.0.1:9/v1"), store, yaml);
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await clients[i % 2].GetAsync("/v1/models")).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
