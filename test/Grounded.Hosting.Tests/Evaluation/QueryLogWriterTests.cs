using System.Text;
using Grounded.Access;
using Grounded.Gateway.Cache;
using Grounded.Gateway.Context;
using Grounded.Hosting.Ask;
using Grounded.Hosting.Tests.Support;
using Grounded.Rag;

namespace Grounded.Hosting.Tests.Evaluation;

/// <summary>Every answered question leaves a query log row (embedding and signals, never the text) for drift reports.</summary>
public sealed class QueryLogWriterTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private const string Secret = "What causes ocean tides?";

    [Fact]
    public async Task AskAndAStreamedAskEachLogTheirQuestionsEmbeddingAndSignalsButNotItsText()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using (var stack = Stack(queryLog: true))
        {
            var context = new GatewayContext("ask") { Tenant = "acme" };
            var answered = await stack.AskAsync(new AskRequest { Question = Secret }, context);
            Answers.GroundedAnswer? streamed = null;
            await foreach (var update in stack.AskStreamingAsync(new AskRequest { Question = "Who won the football world cup in 1998?" }))
            {
                streamed = update.Answer ?? streamed;
            }

            await stack.QueryLog!.FlushAsync();
            var access = await stack.GetAccessAsync();
            var rows = await access.ReadQueriesAsync(before, DateTimeOffset.UtcNow.AddSeconds(1), null, CancellationToken.None);

            Assert.Equal(2, rows.Count);
            Assert.Equal(["acme", Tenants.Default], rows.Select(r => r.Tenant));
            Assert.All(rows, r => Assert.Equal(384, r.Embedding.Length));
            Assert.Equal(1.0, Math.Sqrt(rows[0].Embedding.Sum(x => (double)x * x)), 3);
            Assert.False(rows[0].Abstained);
            Assert.True(rows[0].TopScore > 0);
            Assert.NotNull(rows[0].GroundingScore);
            Assert.Equal(streamed!.Abstained, rows[1].Abstained);
            Assert.Equal(streamed.Abstained, rows[1].GroundingScore is null);
        }

        var files = Directory.GetFiles(fixture.Store.Location, "access.db*").Select(File.ReadAllBytes).Select(b => Encoding.UTF8.GetString(b));
        Assert.DoesNotContain(files, text => text.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingIsLoggedWhenTheQueryLogIsOff()
    {
        await using var stack = Stack(queryLog: false);
        var access = await stack.GetAccessAsync();
        var before = await access.ReadQueriesAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, CancellationToken.None);

        await stack.AskAsync(new AskRequest { Question = "How do glaciers move?" });
        await stack.Ledger.FlushAsync();

        Assert.Null(stack.QueryLog);
        var after = await access.ReadQueriesAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, CancellationToken.None);
        Assert.Equal(before.Count, after.Count);
    }

    private GroundedStack Stack(bool queryLog) => GroundedStack.Create(new GroundedOptions
    {
        Rag = new LocalRagOptions { Store = fixture.Store.Location },
        Cache = CacheOptions.Disabled,
        QueryLog = queryLog,
    });
}
