using System.Globalization;

namespace Grounded.Prompts;

/// <summary>
/// A semantic version (<c>MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]</c>, semver.org 2.0): ordered by its numbers, a pre-release
/// before its release, pre-release identifiers numerically when numeric; build metadata is ignored by the order.
/// </summary>
public sealed class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    private SemVersion(int major, int minor, int patch, string prerelease, string build)
    {
        (Major, Minor, Patch, Prerelease, Build) = (major, minor, patch, prerelease, build);
    }

    /// <summary>Gets the major number.</summary>
    public int Major { get; }

    /// <summary>Gets the minor number.</summary>
    public int Minor { get; }

    /// <summary>Gets the patch number.</summary>
    public int Patch { get; }

    /// <summary>Gets the pre-release part (after <c>-</c>), empty for a release.</summary>
    public string Prerelease { get; }

    /// <summary>Gets the build metadata (after <c>+</c>), empty when none.</summary>
    public string Build { get; }

    /// <summary>Reads <paramref name="text"/>, or returns null when it is not a semantic version.</summary>
    public static SemVersion? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var build = string.Empty;
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            build = text[(plus + 1)..];
            text = text[..plus];
            if (!Identifiers(build, numericRule: false))
            {
                return null;
            }
        }

        var prerelease = string.Empty;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            prerelease = text[(dash + 1)..];
            text = text[..dash];
            if (!Identifiers(prerelease, numericRule: true))
            {
                return null;
            }
        }

        var parts = text.Split('.');
        return parts.Length == 3 && Number(parts[0]) is { } major && Number(parts[1]) is { } minor && Number(parts[2]) is { } patch
            ? new SemVersion(major, minor, patch, prerelease, build)
            : null;
    }

    /// <summary>Reads <paramref name="text"/>; throws <see cref="FormatException"/> when it is not a semantic version.</summary>
    public static SemVersion Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a semantic version (write MAJOR.MINOR.PATCH, e.g. 1.2.0)");

    /// <inheritdoc />
    public int CompareTo(SemVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0)
        {
            return byNumbers;
        }

        if (Prerelease.Length == 0 || other.Prerelease.Length == 0)
        {
            // A release orders after its pre-releases: 1.0.0-rc.1 < 1.0.0.
            return (Prerelease.Length == 0 ? 1 : 0) - (other.Prerelease.Length == 0 ? 1 : 0);
        }

        var mine = Prerelease.Split('.');
        var theirs = other.Prerelease.Split('.');
        for (var i = 0; i < Math.Min(mine.Length, theirs.Length); i++)
        {
            var a = int.TryParse(mine[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var b = int.TryParse(theirs[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var c = (a, b) switch
            {
                (true, true) => x.CompareTo(y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(mine[i], theirs[i]),
            };
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return mine.Length.CompareTo(theirs.Length);
    }

    /// <inheritdoc />
    public bool Equals(SemVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SemVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, Prerelease);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}{(Prerelease.Length > 0 ? "-" + Prerelease : "")}{(Build.Length > 0 ? "+" + Build : "")}");

    /// <summary>Returns whether <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    public static bool operator <(SemVersion left, SemVersion right) => Compare(left, right) < 0;

    /// <summary>Returns whether <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    public static bool operator >(SemVersion left, SemVersion right) => Compare(left, right) > 0;

    /// <summary>Returns whether <paramref name="left"/> orders before or with <paramref name="right"/>.</summary>
    public static bool operator <=(SemVersion left, SemVersion right) => Compare(left, right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> orders after or with <paramref name="right"/>.</summary>
    public static bool operator >=(SemVersion left, SemVersion right) => Compare(left, right) >= 0;

    /// <summary>Returns whether the two versions order alike.</summary>
    public static bool operator ==(SemVersion? left, SemVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether the two versions order differently.</summary>
    public static bool operator !=(SemVersion? left, SemVersion? right) => !(left == right);

    private static int Compare(SemVersion? left, SemVersion? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    // A number with no leading zero (semver forbids "01").
    private static int? Number(string part) =>
        part.Length > 0 && part.All(char.IsAsciiDigit) && (part.Length == 1 || part[0] != '0')
        && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool Identifiers(string text, bool numericRule) =>
        text.Length > 0 && text.Split('.').All(id => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && (!numericRule || !id.All(char.IsAsciiDigit) || id.Length == 1 || id[0] != '0'));
}
