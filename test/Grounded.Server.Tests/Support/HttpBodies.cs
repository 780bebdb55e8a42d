using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Grounded.Server.Tests.Support;

/// <summary>Request and response bodies the document and key tests share.</summary>
internal static class HttpBodies
{
    /// <summary>A multipart upload of text files, one <c>file</c> part each.</summary>
    public static MultipartFormDataContent Files(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        return form;
    }

    /// <summary>The response's body as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
