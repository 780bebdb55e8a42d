using Grounded.Gateway.Failures;
using Grounded.Prompts;
using Grounded.Rag.Prompts;
using Grounded.Storage;

namespace Grounded.Server.Errors;

/// <summary>
/// Names a failure's kind for the <c>error.type</c> of <c>grounded.server.errors</c>: a short, fixed set of words (never a
/// message), so that the metric's series stay few.
/// </summary>
internal static class ErrorKinds
{
    /// <summary>Returns the kind of <paramref name="error"/>, else of the status it was answered with.</summary>
    public static string Of(Exception? error, int status) => error switch
    {
        RateLimitedException => "rate_limited",
        BudgetExceededException or BudgetUnavailableException => "budget_exceeded",
        GuardBlockedException => "guard_blocked",
        GuardUnavailableException => "guard_unavailable",
        _ when IsTimeout(error) => "timeout",
        GatewayUnavailableException or ProviderUnavailableException or ProviderRejectedException or InvalidOutputException => "provider_error",
        InvalidRequestException or PromptVariableException => "bad_request",
        PromptNotFoundException => "not_found",
        StoreException => "store_unavailable",
        System.Data.Common.DbException { IsTransient: true } => "store_unavailable",
        _ => OfStatus(status),
    };

    /// <summary>Returns the kind an HTTP error status stands for.</summary>
    public static string OfStatus(int status) => status switch
    {
        400 or 422 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "too_large",
        429 => "rate_limited",
        502 => "provider_error",
        503 => "unavailable",
        504 => "timeout",
        >= 500 => "internal",
        _ => "other",
    };

    private static bool IsTimeout(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException || e.GetType().Name.Contains("Timeout", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
