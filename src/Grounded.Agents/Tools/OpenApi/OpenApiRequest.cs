using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.OpenApi;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Builds the HTTP request for one call: path parameters substituted (escaped), the query string, headers, auth and the JSON body.</summary>
internal static class OpenApiRequest
{
    /// <summary>Returns the request, or the problem (a missing argument or credential) as one line for the model.</summary>
    public static (HttpRequestMessage? Request, string? Problem) Build(OperationShape shape, OpenApiCallTarget target, AIFunctionArguments arguments)
    {
        var path = new StringBuilder(shape.PathTemplate);
        var query = new StringBuilder();
        var headers = new List<(string Name, string Value)>();
        foreach (var parameter in shape.Parameters)
        {
            arguments.TryGetValue(parameter.Name, out var value);
            if (ArgumentValues.IsMissing(value))
            {
                if (parameter.In == ParameterLocation.Path)
                {
                    return (null, $"missing the path parameter '{parameter.Name}'");
                }

                continue;
            }

            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    var segment = ArgumentValues.ToText(value!);
                    if (segment is "." or ".." || segment.Length == 0)
                    {
                        // A dot segment would be collapsed by the URL and reach another operation than this tool's.
                        return (null, $"the path parameter '{parameter.Name}' cannot be '{segment}'");
                    }

                    path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(segment));
                    break;
                case ParameterLocation.Query:
                    foreach (var item in ArgumentValues.Items(value!) ?? [value!])
                    {
                        query.Append(query.Length == 0 ? '?' : '&')
                            .Append(Uri.EscapeDataString(parameter.Name)).Append('=').Append(Uri.EscapeDataString(ArgumentValues.ToText(item)));
                    }

                    break;
                default:
                    headers.Add((parameter.Name, ArgumentValues.ToText(value!)));
                    break;
            }
        }

        var auth = Credentials(target);
        if (auth.Problem is not null)
        {
            return (null, auth.Problem);
        }

        var request = new HttpRequestMessage(shape.Method, target.BaseUrl + path + query);
        foreach (var (name, value) in headers.Concat(auth.Headers))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (shape.BodyArgument is { } body && arguments.TryGetValue(body, out var content) && !ArgumentValues.IsMissing(content))
        {
            request.Content = new StringContent(ArgumentValues.ToJson(content), Encoding.UTF8, "application/json");
        }

        return (request, null);
    }

    private static (IEnumerable<(string, string)> Headers, string? Problem) Credentials(OpenApiCallTarget target)
    {
        var headers = new List<(string, string)>();
        if (target.BearerEnv is { } bearerEnv)
        {
            var token = target.Environment(bearerEnv);
            if (string.IsNullOrEmpty(token))
            {
                return ([], $"the environment variable {bearerEnv} (the bearer token for this API) is not set");
            }

            headers.Add(("Authorization", "Bearer " + token));
        }

        if (target.ApiKey is { } apiKey)
        {
            var key = target.Environment(apiKey.Env);
            if (string.IsNullOrEmpty(key))
            {
                return ([], $"the environment variable {apiKey.Env} (the API key for this API) is not set");
            }

            headers.Add((apiKey.Header, key));
        }

        return (headers, null);
    }
}
