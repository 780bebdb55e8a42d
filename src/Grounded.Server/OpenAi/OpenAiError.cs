using System.Text.Json.Serialization;

namespace Grounded.Server.OpenAi;

/// <summary>OpenAI's error shape: <c>{"error": {"message", "type", "code", "param"}}</c>.</summary>
internal sealed record OpenAiError(int Status, string Message, string Type, string? Code = null, string? Param = null)
{
    public object Body => new { error = new Detail(Message, Type, Code, Param) };

    public IResult ToResult() => Results.Json(Body, statusCode: Status);

    public static OpenAiError Invalid(string message, string? param = null, string? code = null) => new(400, message, "invalid_request_error", code, param);

    internal sealed record Detail(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("param")] string? Param);
}
