namespace Grounded.Server.Errors;

/// <summary>A failure as the client will see it, whatever shape it is written in (OpenAI's error object or problem+json).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Message">One line saying what went wrong and, where it can, how to fix it.</param>
/// <param name="Type">OpenAI's error type, e.g. <c>invalid_request_error</c>.</param>
internal sealed record ErrorDescription(int Status, string Message, string Type)
{
    /// <summary>Gets OpenAI's error code, e.g. <c>model_not_found</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the request parameter at fault.</summary>
    public string? Param { get; init; }

    /// <summary>Gets the provider that answered with the failure (<c>openai</c>, <c>anthropic</c>).</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the configured model the failure concerns.</summary>
    public string? Model { get; init; }

    /// <summary>Gets how long to wait before trying again, sent as <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
