namespace Grounded.Gateway.Resilience;

/// <summary>
/// Keeps a provider's Retry-After for SDKs whose exceptions do not carry the response headers (Anthropic's): a handler
/// on the SDK's <see cref="HttpClient"/> records each failed response's header in the holder of the current call, which
/// <see cref="ResilientChatClient"/> opens before it runs the retry pipeline, so the retry delay can honour it.
/// </summary>
internal sealed class RetryAfterCapture : DelegatingHandler
{
    private static readonly AsyncLocal<Holder?> Current = new();

    public RetryAfterCapture(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Gets the Retry-After value, as sent, of the current call's last failed response, if it had one.</summary>
    public static string? Last => Current.Value?.Value;

    /// <summary>Starts recording for the calls that follow in this async flow (one gateway call and its tries).</summary>
    public static void BeginCall() => Current.Value = new Holder();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Current.Value is { } holder)
        {
            holder.Value = !response.IsSuccessStatusCode && response.Headers.NonValidated.TryGetValues("Retry-After", out var values) ? values.ToString() : null;
        }

        return response;
    }

    private sealed class Holder
    {
        public string? Value { get; set; }
    }
}
