using System.Text;

namespace Grounded.Hosting.Monitoring;

/// <summary>
/// Posts notices to webhooks: each attempt bounded by a timeout, a failed one (no answer, 408, 429 or 5xx) retried with a
/// doubling delay, at most three attempts; other statuses are not retried. Webhooks are sent to one after another.
/// </summary>
/// <param name="http">The client posting (its lifetime is the caller's).</param>
/// <param name="time">The clock the delays and timeouts run on.</param>
/// <param name="firstDelay">The delay before the second attempt (doubled before the third); one second unless given.</param>
public sealed class WebhookSender(HttpClient http, TimeProvider time, TimeSpan? firstDelay = null)
{
    /// <summary>The most attempts per webhook.</summary>
    public const int MaxAttempts = 3;

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    private readonly TimeSpan _firstDelay = firstDelay ?? TimeSpan.FromSeconds(1);

    /// <summary>Sends <paramref name="notice"/> to each of <paramref name="webhooks"/>; returns how each took it.</summary>
    public async Task<IReadOnlyList<WebhookResult>> SendAsync(AlertNotice notice, IReadOnlyList<Uri> webhooks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(webhooks);
        var json = notice.ToJson();
        // All at once: one webhook that is down (up to three timed-out attempts) does not hold back the others.
        return await Task.WhenAll(webhooks.Select(url => PostAsync(url, json, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<WebhookResult> PostAsync(Uri url, string json, CancellationToken cancellationToken)
    {
        int? status = null;
        string error = "not sent";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(_firstDelay * (1 << (attempt - 2)), time, cancellationToken).ConfigureAwait(false);
            }

            using var timeout = new CancellationTokenSource(AttemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content, linked.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return new WebhookResult(url, status, attempt, null);
                }

                error = $"HTTP {status}";
                if (status is not (408 or 429 or >= 500))
                {
                    return new WebhookResult(url, status, attempt, error);
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                error = e is OperationCanceledException ? $"no answer within {AttemptTimeout.TotalSeconds:0}s" : e.Message;
            }
        }

        return new WebhookResult(url, status, MaxAttempts, error);
    }
}
