using Grounded.Feedback;

namespace Grounded.Conformance;

/// <summary>Feedback every access store keeps: one row per tenant and response, a later rating replacing the earlier, read back by window and tenant.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task FeedbackIsReadBackWithEverythingTheResponseWasMadeFrom()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "fb-" + Guid.NewGuid().ToString("N")[..8];
        var now = Time.GetUtcNow();
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddHours(-1), "ans_0123456789abcdef01234567", tenant, FeedbackRatings.Up)
        {
            KeyId = "k1", Comment = "spot on", Endpoint = "ask", PromptId = "grounded-answer@1.0.0", Model = "extractive",
            Question = "How often?", Answer = "Every 40 minutes [1].", Sources = ["osprey.md", "relay.md"],
        }, None);
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddMinutes(-30), "chatcmpl-abc", tenant, FeedbackRatings.Down) { Abstained = true }, None);

        var rows = await store.ReadFeedbackAsync(now.AddDays(-1), now, tenant, 100, None);

        Assert.Equal(2, rows.Count);
        var up = rows[0];
        Assert.Equal((now.AddHours(-1), "ans_0123456789abcdef01234567", tenant, "up"), (up.At, up.ResponseId, up.Tenant, up.Rating));
        Assert.Equal(("k1", "spot on", "ask", "grounded-answer@1.0.0", "extractive"), (up.KeyId, up.Comment, up.Endpoint, up.PromptId, up.Model));
        Assert.Equal(("How often?", "Every 40 minutes [1].", false), (up.Question, up.Answer, up.Abstained));
        Assert.Equal(["osprey.md", "relay.md"], up.Sources);
        var down = rows[1];
        Assert.Equal(("chatcmpl-abc", "down", true), (down.ResponseId, down.Rating, down.Abstained));
        Assert.Null(down.Comment);
        Assert.Null(down.Answer);
        Assert.Empty(down.Sources);
    }

    [SkippableFact]
    public async Task ALaterRatingOfTheSameResponseReplacesTheEarlierOneOfThatTenantOnly()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "fb-" + Guid.NewGuid().ToString("N")[..8];
        var now = Time.GetUtcNow();
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddMinutes(-10), "ans_1", tenant, FeedbackRatings.Up) { Comment = "good" }, None);
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddMinutes(-10), "ans_1", "other-" + tenant, FeedbackRatings.Up), None);
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddMinutes(-5), "ans_1", tenant, FeedbackRatings.Down) { Comment = "wrong after all" }, None);

        var rows = await store.ReadFeedbackAsync(now.AddDays(-1), now, tenant, 100, None);

        var only = Assert.Single(rows);
        Assert.Equal(("down", "wrong after all", now.AddMinutes(-5)), (only.Rating, only.Comment, only.At));
        Assert.Equal(2, (await store.ReadFeedbackAsync(now.AddDays(-1), now, null, 1000, None)).Count(r => r.Tenant.EndsWith(tenant, StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task FeedbackOutsideTheWindowOrBeyondTheLimitIsNotRead()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "fb-" + Guid.NewGuid().ToString("N")[..8];
        var now = Time.GetUtcNow();
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddDays(-40), "ans_old", tenant, FeedbackRatings.Up), None);
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddHours(-3), "ans_a", tenant, FeedbackRatings.Up), None);
        await store.SaveFeedbackAsync(new FeedbackRecord(now.AddHours(-2), "ans_b", tenant, FeedbackRatings.Up), None);
        await store.SaveFeedbackAsync(new FeedbackRecord(now, "ans_now", tenant, FeedbackRatings.Up), None);

        var rows = await store.ReadFeedbackAsync(now.AddDays(-30), now, tenant, 1, None);

        Assert.Equal("ans_a", Assert.Single(rows).ResponseId);
        Assert.Equal(["ans_a", "ans_b"], (await store.ReadFeedbackAsync(now.AddDays(-30), now, tenant, 10, None)).Select(r => r.ResponseId));
    }

    [SkippableFact]
    public async Task RatingsAreCountedInBucketsOfTheirTenantWithAReplacedRatingCountedOnce()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "fb-" + Guid.NewGuid().ToString("N")[..8];
        var now = Time.GetUtcNow();
        var since = now.AddHours(-2);
        await store.SaveFeedbackAsync(new FeedbackRecord(since.AddMinutes(10), "ans_1", tenant, FeedbackRatings.Up), None);
        await store.SaveFeedbackAsync(new FeedbackRecord(since.AddMinutes(20), "ans_2", tenant, FeedbackRatings.Up), None);
        await store.SaveFeedbackAsync(new FeedbackRecord(since.AddMinutes(30), "ans_2", tenant, FeedbackRatings.Down), None); // replaces ans_2's up
        await store.SaveFeedbackAsync(new FeedbackRecord(since.AddMinutes(70), "ans_3", tenant, FeedbackRatings.Down), None);
        await store.SaveFeedbackAsync(new FeedbackRecord(since.AddMinutes(70), "ans_4", "other-" + tenant, FeedbackRatings.Up), None);

        var buckets = await store.CountFeedbackAsync(since, now, TimeSpan.FromHours(1), tenant, None);

        Assert.Equal([(since, 1L, 1L), (since.AddHours(1), 0L, 1L)], buckets.Select(b => (b.Start, b.Up, b.Down)));
    }
}
