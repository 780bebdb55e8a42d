using System.Security.Cryptography;
using System.Text;
using Grounded.Gateway.Config;
using Grounded.Server.Errors;

namespace Grounded.Server.Requests;

/// <summary>With keys configured, every <c>/v1</c> route needs <c>Authorization: Bearer KEY</c>; a wrong or missing key gets a 401 that says nothing about valid keys.</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, GatewayOptions options)
{
    private readonly byte[][] _hashes = options.ApiKeyHashes.Select(Convert.FromHexString).ToArray();

    public async Task InvokeAsync(HttpContext http)
    {
        if (_hashes.Length == 0 || !http.Request.Path.StartsWithSegments("/v1") || Accepted(http.Request.Headers.Authorization.ToString()))
        {
            await next(http);
            return;
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        await ErrorWriter.WriteAsync(http, new ErrorDescription(401, "Invalid API key.", "invalid_request_error") { Code = "invalid_api_key" });
    }

    private bool Accepted(string header)
    {
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        var ok = false;
        foreach (var candidate in _hashes)
        {
            ok |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return ok;
    }
}
