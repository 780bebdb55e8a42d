using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Anthropic.Exceptions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Grounded.Gateway.Resilience;

/// <summary>Sorts provider failures: which are worth a retry, which count against a provider's circuit, and what Retry-After said.</summary>
internal static class TransientFailures
{
    /// <summary>Returns whether trying again may succeed: 408, 429, 5xx, timeouts and connection errors.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        BrokenCircuitException => false,
        TimeoutRejectedException or TimeoutException or IOException or SocketException or HttpRequestException => true,
        ClientResultException e => e.Status is 0 or 408 or 429 or >= 500,
        AnthropicApiException e => IsTransientStatus((int)e.StatusCode),
        AnthropicIOException => true,
        _ => false,
    };

    /// <summary>Returns whether the failure is the provider's (counts toward opening its circuit) rather than the request's.</summary>
    public static bool IsProviderFault(Exception error) => error switch
    {
        BrokenCircuitException or OperationCanceledException => false,
        ClientResultException e => IsTransient(e),
        AnthropicApiException e => IsTransientStatus((int)e.StatusCode),
        _ => true, // timeouts, connection errors, malformed responses
    };

    /// <summary>Returns the delay the provider asked for with a Retry-After header, if it did.</summary>
    public static TimeSpan? RetryAfter(Exception? error, DateTimeOffset now) => error switch
    {
        ClientResultException e when e.GetRawResponse() is { } response && response.Headers.TryGetValue("Retry-After", out var value) => Parse(value, now),
        AnthropicApiException => Parse(RetryAfterCapture.Last, now),
        _ => null,
    };

    // Retry-After is either delay-seconds or an HTTP date.
    private static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (when > now ? when - now : TimeSpan.Zero)
            : null;
    }

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;
}
