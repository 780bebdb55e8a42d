namespace Grounded.Hosting.Monitoring;

/// <summary>How one webhook took a notice: its status (null when it never answered), the attempts made and, on failure, why.</summary>
/// <param name="Url">The webhook.</param>
/// <param name="Status">The last HTTP status; null when no attempt got an answer.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Error">Why it failed; null when it succeeded.</param>
public sealed record WebhookResult(Uri Url, int? Status, int Attempts, string? Error)
{
    /// <summary>Gets whether the webhook accepted the notice (a 2xx status).</summary>
    public bool Delivered => Error is null;

    /// <summary>Gets the webhook as it may be printed and logged: scheme and host only (a Slack webhook's path is its secret).</summary>
    public string Shown => Redacted(Url);

    /// <summary>Returns <paramref name="url"/> without its path and query, which often carry a token.</summary>
    public static string Redacted(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.PathAndQuery.Length > 1 ? $"{url.Scheme}://{url.Authority}/…" : $"{url.Scheme}://{url.Authority}/";
    }
}
