namespace Grounded.Server.Tests;

/// <summary>Start-up rules of <c>grounded serve</c>: which addresses it agrees to listen on without API keys.</summary>
public sealed class GroundedServerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://192.168.1.10:8080")]
    [InlineData("http://127.0.0.1:8080;http://[::]:8080")]
    public void WithoutKeysANonLoopbackAddressIsRefused(string urls)
    {
        var error = Assert.Throws<ServerStartException>(() => Build(urls, keys: false, insecure: false));

        Assert.Contains("refusing to listen on", error.Message, StringComparison.Ordinal);
        Assert.Contains("--insecure", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    public void WithoutKeysLoopbackAddressesAreAccepted(string urls)
    {
        Build(urls, keys: false, insecure: false);
    }

    [Fact]
    public void InsecureAllowsANonLoopbackAddressWithoutKeys()
    {
        Build("http://0.0.0.0:8080", keys: false, insecure: true);
    }

    [Fact]
    public void WithKeysANonLoopbackAddressIsAccepted()
    {
        Build("http://0.0.0.0:8080", keys: true, insecure: false);
    }

    [Fact]
    public void AMissingConfigIsRefusedWithAHint()
    {
        var error = Assert.Throws<Hosting.Config.ConfigException>(() =>
            GroundedServer.Build(["--config", Path.Combine(_dir, "missing.yaml"), "--store", _dir]));

        Assert.Contains("missing.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenPromptsDirectoryIsRefusedAtStartUpListingEveryProblem()
    {
        var prompts = Path.Combine(_dir, "prompts");
        Directory.CreateDirectory(Path.Combine(prompts, "summary"));
        File.WriteAllText(Path.Combine(prompts, "summary", "1.0.0.yaml"), "id: summary\nversion: 1.0.0\ntemprature: 1\ntemplate: { user: \"{{text}}\" }\n");
        var options = new Hosting.GroundedOptions { Rag = new Rag.LocalRagOptions { Store = _dir }, Prompts = new Hosting.Prompts.PromptsOptions { Directory = prompts } };

        var error = Assert.Throws<Hosting.Config.ConfigException>(() => GroundedServer.Build(new ServeOptions(options, "http://127.0.0.1:0")));

        Assert.Contains(prompts, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Problems, p => p.Contains("line 3: unknown field 'temprature'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("uses {{text}} but variables does not declare 'text'", StringComparison.Ordinal));
    }

    private void Build(string urls, bool keys, bool insecure)
    {
        var config = Path.Combine(_dir, "grounded.yaml");
        File.WriteAllText(config, """
            models:
              - name: small
                provider: openai
                endpoint: http://127.0.0.1:9/v1
                model: m
                contextWindow: 1000
                maxOutputTokens: 100

            """ + (keys ? "auth: { keys: [s3cret] }\n" : ""));
        var options = Hosting.Config.GroundedConfig.Load(config, new Dictionary<string, string?>());
        using var app = GroundedServer.Build(new ServeOptions(options with { Rag = options.Rag with { Store = _dir } }, urls, insecure));
    }
}
