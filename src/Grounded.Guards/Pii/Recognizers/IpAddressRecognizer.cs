using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds IPv4 addresses (four decimal octets up to 255, no leading zeros) and IPv6 addresses, each confirmed by
/// <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>; a dotted quad right after "version" or "v" is a version number.
/// </summary>
internal sealed partial class IpAddressRecognizer : IPiiRecognizer
{
    public string Type => PiiTypes.IpAddress;

    public void Recognize(string text, List<PiiEntity> found)
    {
        foreach (var match in V4().EnumerateMatches(text))
        {
            var candidate = text.AsSpan(match.Index, match.Length);
            if (OctetsAreDecimal(candidate) && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
            {
                var version = Cues.Before(VersionWords(), text, match.Index, 12);
                found.Add(new PiiEntity(match.Index, match.Length, Type, version || Identifies(address) is false ? 0.2 : 0.8));
            }
        }

        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return;
        }

        foreach (var match in V6().EnumerateMatches(text))
        {
            var candidate = text.AsSpan(match.Index, match.Length);
            if (candidate.Count(':') >= 2 && candidate.IndexOfAnyExcept(':') >= 0
                && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                found.Add(new PiiEntity(match.Index, match.Length, Type, Identifies(address) && !address.Equals(IPAddress.IPv6Any) ? 0.9 : 0.2));
            }
        }
    }

    // The loopback and "any" addresses name no one's machine.
    private static bool Identifies(IPAddress address) => !IPAddress.IsLoopback(address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.Broadcast);

    // .NET reads "010" as octal; an address written with leading zeros is more likely something else.
    private static bool OctetsAreDecimal(ReadOnlySpan<char> candidate)
    {
        foreach (var range in candidate.Split('.'))
        {
            var octet = candidate[range];
            if ((octet.Length > 1 && octet[0] == '0') || int.Parse(octet, provider: System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?![\p{L}\p{N}]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex V4();

    // Hex groups with colons (and "::"), optionally ending in a dotted IPv4 address.
    [GeneratedRegex(@"(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{1,4}:|::)(?:[0-9A-Fa-f]{0,4}:){0,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\p{L}\p{N}:])", RegexOptions.CultureInvariant)]
    private static partial Regex V6();

    [GeneratedRegex(@"(?:\bversion|\bv|\bver\.?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionWords();
}
