namespace Grounded.Hosting.Prompts;

/// <summary>A line diff in unified style (' ' kept, '-' removed, '+' added), by longest common subsequence: prompts are small.</summary>
internal static class UnifiedDiff
{
    public static IReadOnlyList<string> Lines(string before, string after)
    {
        var a = before.Length == 0 ? [] : before.Split('\n');
        var b = after.Length == 0 ? [] : after.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add(" " + a[x++]);
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                lines.Add("-" + a[x++]);
            }
            else
            {
                lines.Add("+" + b[y++]);
            }
        }

        return lines;
    }
}
