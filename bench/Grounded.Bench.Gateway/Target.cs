using System.Text;

namespace Grounded.Bench.Gateway;

/// <summary>One path the load is sent along: the upstream itself, or a <c>grounded serve</c> build in front of it.</summary>
/// <param name="Name">The key of its results ("direct", "gateway", "baseline"); streaming phases add "-stream".</param>
/// <param name="Server">The server process behind the path; null for the direct path.</param>
internal sealed record Target(string Name, Uri Url, string Model, ServerProcess? Server)
{
    private const string Prompt = "Summarise in one sentence why a gateway between applications and model providers is useful.";

    public string Key(bool stream) => stream ? Name + "-stream" : Name;

    public byte[] Body(bool stream) => Encoding.UTF8.GetBytes(
        $$"""{"model":"{{Model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"{{Prompt}}"}]}""");
}
