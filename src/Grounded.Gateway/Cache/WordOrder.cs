using System.Numerics;

namespace Grounded.Gateway.Cache;

/// <summary>Measures whether two word sequences keep their shared words in the same order.</summary>
internal static class WordOrder
{
    /// <summary>Returns how many of the words both sequences share (as multisets) are out of order: 0 when one order holds for all.</summary>
    public static int OutOfOrder(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var shared = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in first)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        foreach (var word in second)
        {
            if (counts.TryGetValue(word, out var left) && left > 0)
            {
                counts[word] = left - 1;
                shared++;
            }
        }

        return shared - LongestCommonSubsequence(first, second);
    }

    /// <summary>Returns the length of the longest common subsequence, bit-parallel (Allison–Dix, Hyyrö): O(n·m/64).</summary>
    public static int LongestCommonSubsequence(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var n = first.Count;
        if (n == 0 || second.Count == 0)
        {
            return 0;
        }

        var blocks = (n + 63) / 64;
        var matches = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (!matches.TryGetValue(first[i], out var mask))
            {
                matches[first[i]] = mask = new ulong[blocks];
            }

            mask[i / 64] |= 1UL << (i % 64);
        }

        // V's zero bits mark the positions of `first` used by a longest common subsequence so far.
        var v = new ulong[blocks];
        Array.Fill(v, ulong.MaxValue);
        foreach (var word in second)
        {
            if (!matches.TryGetValue(word, out var mask))
            {
                continue;
            }

            ulong carry = 0;
            for (var b = 0; b < blocks; b++)
            {
                var u = v[b] & mask[b];
                var sum = v[b] + u;
                var overflow = sum < v[b] ? 1UL : 0UL;
                var withCarry = sum + carry;
                overflow |= withCarry < sum ? 1UL : 0UL;
                v[b] = withCarry | (v[b] & ~mask[b]);
                carry = overflow;
            }
        }

        var zeros = 0;
        for (var b = 0; b < blocks; b++)
        {
            var bits = b == blocks - 1 && n % 64 != 0 ? v[b] | (ulong.MaxValue << (n % 64)) : v[b];
            zeros += 64 - BitOperations.PopCount(bits);
        }

        return zeros;
    }
}
