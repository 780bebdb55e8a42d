using System.Globalization;
using CsCheck;

namespace Grounded.Testing;

/// <summary>
/// Runs CsCheck properties over parsers: a fixed number of inputs in the normal suite (a few seconds), or for
/// <c>GROUNDED_FUZZ_SECONDS</c> seconds per property when that variable is set, on one thread. With
/// <c>GROUNDED_FUZZ_REPORT</c> naming a file, each property appends "target, inputs tried, seconds" to it.
/// </summary>
public static class Fuzzing
{
    /// <summary>The environment variable that turns the properties into a timed fuzz run.</summary>
    public const string SecondsVariable = "GROUNDED_FUZZ_SECONDS";

    /// <summary>The environment variable naming a file each property appends its count of inputs to.</summary>
    public const string ReportVariable = "GROUNDED_FUZZ_REPORT";

    /// <summary>Gets the seconds each property runs for; 0 in the normal suite.</summary>
    public static int Seconds => int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0;

    /// <summary>Checks <paramref name="property"/> over <paramref name="gen"/>; returns how many inputs were tried.</summary>
    public static long Check<T>(string target, Gen<T> gen, Action<T> property, int iterations, Func<T, string>? print = null)
    {
        long tried = 0;
        var seconds = Seconds;
        var started = TimeProvider.System.GetTimestamp();
        gen.Sample(
            input =>
            {
                Interlocked.Increment(ref tried);
                property(input);
            },
            iter: seconds > 0 ? long.MaxValue : iterations,
            time: seconds > 0 ? seconds : -1,
            threads: 1,
            print: print ?? (input => Describe(input)));
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } report)
        {
            var elapsed = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            File.AppendAllText(report, string.Create(CultureInfo.InvariantCulture, $"{target}\t{tried}\t{elapsed:F0}\n"));
        }

        return tried;
    }

    /// <summary>
    /// Runs <paramref name="action"/> and returns its result; throws <see cref="TimeoutException"/> when it takes longer
    /// than <paramref name="limit"/> (a hang: the work is left running, the property fails) and when it allocates more
    /// than <paramref name="maxAllocatedBytes"/> in the process (run fuzz tests in a collection that is not parallel).
    /// </summary>
    public static T Within<T>(TimeSpan limit, long maxAllocatedBytes, Func<CancellationToken, Task<T>> action)
    {
        using var cancel = new CancellationTokenSource();
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var task = Task.Run(() => action(cancel.Token), cancel.Token);
        if (Task.WhenAny(task, Task.Delay(limit, CancellationToken.None)).GetAwaiter().GetResult() != task)
        {
            cancel.Cancel();
            throw new TimeoutException($"still running after {limit.TotalSeconds:F0} s");
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        if (allocated > maxAllocatedBytes)
        {
            throw new InsufficientMemoryException($"allocated {allocated >> 20} MB; the bound is {maxAllocatedBytes >> 20} MB");
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Describes an input by its size and start, so a failure report stays short.</summary>
    public static string Describe<T>(T input) => input switch
    {
        byte[] bytes => $"{bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}…",
        string text => $"{text.Length} chars: {text[..Math.Min(200, text.Length)]}…",
        _ => input?.ToString() ?? "null",
    };

    /// <summary>Returns a generator of <paramref name="seed"/> with random damage: bytes flipped, a cut, a slice repeated or removed, junk inserted.</summary>
    public static Gen<byte[]> Mutations(byte[] seed) =>
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 64], Gen.Byte.Array[1, 32], (kind, where, count, junk) => (kind, where, count, junk))
            .Array[1, 4]
            .Select(steps => steps.Aggregate(seed, (bytes, s) => Mutate(bytes, s.kind, (int)(s.where * Math.Max(0, bytes.Length - 1)), s.count, s.junk)));

    private static byte[] Mutate(byte[] input, int kind, int at, int count, byte[] junk)
    {
        var bytes = input.ToList();
        at = Math.Min(at, bytes.Count);
        switch (kind)
        {
            case 0: // flip bytes
                for (var i = 0; i < count && at + i < bytes.Count; i++)
                {
                    bytes[at + i] ^= junk[i % junk.Length];
                }

                break;
            case 1: // truncate
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 2: // remove a slice
                bytes.RemoveRange(at, Math.Min(count, bytes.Count - at));
                break;
            case 3: // repeat a slice
                bytes.InsertRange(at, bytes.Skip(at).Take(count).ToList());
                break;
            default: // insert junk
                bytes.InsertRange(at, junk);
                break;
        }

        return [.. bytes];
    }
}
