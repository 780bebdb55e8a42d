using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using static Grounded.Server.Tests.Support.HttpBodies;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>/v1/documents</c> on the real host with an empty store of its own.</summary>
public sealed class DocumentsApiTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-docs-").FullName;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    public DocumentsApiTests()
    {
        _factory = GroundedFactory.Create(_dir, new Uri("http://127.0.0.1:9/v1"), Path.Combine(_dir, "store"), "server: { maxUploadBytes: 4000 }");
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AnUploadedDocumentIsListedAnsweredFromAndGoneOnceDeleted()
    {
        var uploaded = await _client.PostAsync("/v1/documents", Files(("kiln.md", "# Kilns\n\nA pottery kiln fires clay at about 1200 degrees Celsius to make stoneware.\n")));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var document = (await JsonAsync(uploaded)).GetProperty("documents")[0];
        Assert.Equal("kiln.md", document.GetProperty("source").GetString());
        Assert.Equal("added", document.GetProperty("status").GetString());
        Assert.True(document.GetProperty("chunks").GetInt32() > 0);
        var id = document.GetProperty("id").GetString()!;

        var listed = (await JsonAsync(await _client.GetAsync("/v1/documents"))).GetProperty("data");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());

        var answer = await JsonAsync(await _client.PostAsync("/v1/ask", new StringContent("""{"question":"At what temperature does a pottery kiln fire clay?"}""", Encoding.UTF8, "application/json")));
        Assert.False(answer.GetProperty("abstained").GetBoolean());
        Assert.Equal("kiln.md", answer.GetProperty("citations")[0].GetProperty("source").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/v1/documents/{id}")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await _client.GetAsync("/v1/documents"))).GetProperty("data").GetArrayLength());
        Assert.False(File.Exists(Path.Combine(_dir, "store", "uploads", "kiln.md")));
    }

    [Fact]
    public async Task UploadingTheSameFileAgainLeavesItUnchanged()
    {
        const string text = "Stoneware is fired at a higher temperature than earthenware.\n";
        await _client.PostAsync("/v1/documents", Files(("ware.txt", text)));

        var again = await JsonAsync(await _client.PostAsync("/v1/documents", Files(("ware.txt", text))));

        Assert.Equal("unchanged", again.GetProperty("documents")[0].GetProperty("status").GetString());
        Assert.Equal(1, (await JsonAsync(await _client.GetAsync("/v1/documents"))).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task UploadsAtTheSameTimeAreAllIngested()
    {
        var uploads = Enumerable.Range(0, 4).Select(i => _client.PostAsync("/v1/documents", Files(($"note{i}.txt", $"Note number {i} is about glaze colour {i * 7}.\n"))));

        var responses = await Task.WhenAll(uploads);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(4, (await JsonAsync(await _client.GetAsync("/v1/documents"))).GetProperty("data").GetArrayLength());
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "store", "uploads"), "*.part"));
    }

    [Fact]
    public async Task DeletingAnUnknownIdIs404()
    {
        var response = await _client.DeleteAsync("/v1/documents/0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnsupportedTypeIsRefusedWithTheSupportedOnesAndNothingIsStored()
    {
        var response = await _client.PostAsync("/v1/documents", Files(("notes.md", "Fine text.\n"), ("tool.exe", "MZ binary")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await JsonAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("unsupported file type '.exe'", detail, StringComparison.Ordinal);
        Assert.Contains(".md", detail, StringComparison.Ordinal);
        Assert.Equal(0, (await JsonAsync(await _client.GetAsync("/v1/documents"))).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task AnUploadOverTheLimitIs413()
    {
        var response = await _client.PostAsync("/v1/documents", Files(("big.txt", new string('x', 5000))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("maxUploadBytes", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithNoTextIs422AndLeavesNothingBehind()
    {
        var response = await _client.PostAsync("/v1/documents", Files(("blank.txt", "   \n\n  ")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("blank.txt", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await JsonAsync(await _client.GetAsync("/v1/documents"))).GetProperty("data").GetArrayLength());
        Assert.False(File.Exists(Path.Combine(_dir, "store", "uploads", "blank.txt")));
    }

    [Fact]
    public async Task AnEmptyUploadOverAnEarlierOneIs422AndKeepsTheEarlierOne()
    {
        await _client.PostAsync("/v1/documents", Files(("ware.txt", "Stoneware is fired at a higher temperature than earthenware.\n")));

        var response = await _client.PostAsync("/v1/documents", Files(("ware.txt", "\n")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ware.txt: the file is empty", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var listed = (await JsonAsync(await _client.GetAsync("/v1/documents"))).GetProperty("data");
        Assert.Equal(1, listed.GetArrayLength());
        Assert.StartsWith("Stoneware", await File.ReadAllTextAsync(Path.Combine(_dir, "store", "uploads", "ware.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotMultipartIs400()
    {
        var response = await _client.PostAsync("/v1/documents", new StringContent("""{"file":"notes.md"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
