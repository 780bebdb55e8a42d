using System.Globalization;
using System.Net.Sockets;
using Anthropic.Exceptions;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Grounded.Gateway.Resilience;

/// <summary>Sorts provider failures: which are worth a retry, which count against a provider's circuit, which are the request's fault, and what Retry-After said.</summary>
internal static class TransientFailures
{
    /// <summary>Returns whether trying again may succeed: 408, 429, 5xx, timeouts and connection errors.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        BrokenCircuitException or GatewayException => false,
        ProviderErrorException e => IsTransientStatus(e.Status),
        TimeoutRejectedException or TimeoutException or IOException or SocketException or HttpRequestException or AnthropicIOException => true,
        _ => false,
    };

    /// <summary>Returns whether the failure is the provider's (counts toward opening its circuit) rather than the request's.</summary>
    public static bool IsProviderFault(Exception error) => error switch
    {
        BrokenCircuitException or OperationCanceledException or GatewayException => false,
        ProviderErrorException e => IsTransientStatus(e.Status),
        _ => true, // timeouts, connection errors, malformed responses
    };

    /// <summary>
    /// Returns whether the provider refused the request itself (400, 404, 409, 413, 422): the same request would fail
    /// again anywhere, so the caller gets the provider's answer instead of a retry or a failover. Other refusals (401 and
    /// 403: the gateway's own key) are the provider's problem and fail over.
    /// </summary>
    public static bool IsRequestFault(Exception error) => error is ProviderErrorException { Status: 400 or 404 or 409 or 413 or 422 };

    /// <summary>Returns the delay the provider asked for with a Retry-After header, if it did.</summary>
    public static TimeSpan? RetryAfter(Exception? error, DateTimeOffset now) => error switch
    {
        ProviderErrorException e => Parse(e.RetryAfter, now),
        AnthropicApiException => Parse(RetryAfterCapture.Last, now),
        BrokenCircuitException e => e.RetryAfter,
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

    private static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;
}
