using Grounded.Hosting.Monitoring;

namespace Grounded.Hosting.Tests.Monitoring;

/// <summary>Webhooks on loopback: a failing one retried with a bound, a refusing one not retried.</summary>
public sealed class WebhookSenderTests
{
    private static readonly AlertNotice Notice = new("error_rate", "firing", "critical", new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), "error rate 25% over the last 5m") { Value = 0.25, Threshold = 0.05 };

    [Fact]
    public async Task AWebhookThatFailsTwiceGetsTheNoticeOnTheThirdAttempt()
    {
        using var hook = new WebhookListener(503, 500);
        using var http = new HttpClient();

        var result = Assert.Single(await new WebhookSender(http, TimeProvider.System, TimeSpan.Zero).SendAsync(Notice, [hook.Url], CancellationToken.None));

        Assert.True(result.Delivered);
        Assert.Equal((200, 3), (result.Status, result.Attempts));
        Assert.Equal(3, hook.Bodies.Count);
        Assert.Contains("\"threshold\":0.05", hook.Bodies.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebhookThatKeepsFailingOrRefusesIsReportedWithoutEndlessRetries()
    {
        using var failing = new WebhookListener(500, 500, 500, 500);
        using var refusing = new WebhookListener(404);
        using var http = new HttpClient();

        var results = await new WebhookSender(http, TimeProvider.System, TimeSpan.Zero).SendAsync(Notice, [failing.Url, refusing.Url], CancellationToken.None);

        Assert.Equal([(false, 3, "HTTP 500"), (false, 1, "HTTP 404")], results.Select(r => (r.Delivered, r.Attempts, r.Error!)));
        Assert.Equal((3, 1), (failing.Bodies.Count, refusing.Bodies.Count));
    }
}
