namespace Grounded.Agents.Tools;

/// <summary>The hosts <c>http_get</c> may fetch from: exact names (<c>example.com</c>) or every subdomain of one (<c>*.example.com</c>).</summary>
internal sealed class HostAllowList(IReadOnlyList<string> hosts)
{
    private readonly string[] _hosts = [.. hosts.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0)];

    public bool IsEmpty => _hosts.Length == 0;

    public override string ToString() => string.Join(", ", _hosts);

    /// <summary>Returns whether <paramref name="host"/> (without port) may be fetched.</summary>
    public bool Allows(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            name = name[1..^1]; // IPv6 literal as Uri.Host writes it
        }

        foreach (var allowed in _hosts)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? name.EndsWith(allowed[1..], StringComparison.Ordinal) && name.Length > allowed.Length - 1
                : name == allowed.Trim('[', ']'))
            {
                return true;
            }
        }

        return false;
    }
}
