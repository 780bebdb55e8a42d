namespace Grounded.Agents.Tools;

/// <summary>Reads at most a given number of bytes of an HTTP body, so a huge answer cannot exhaust memory.</summary>
internal static class BoundedBody
{
    /// <summary>Reads up to <paramref name="maxBytes"/> bytes of <paramref name="content"/>; says whether there was more.</summary>
    public static async Task<(byte[] Bytes, bool Truncated)> ReadBytesAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var kept = new MemoryStream();
            var buffer = new byte[16 * 1024];
            while (kept.Length <= maxBytes)
            {
                var read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    return (kept.ToArray(), false);
                }

                kept.Write(buffer, 0, read);
            }

            return (kept.GetBuffer().AsSpan(0, maxBytes).ToArray(), true);
        }
    }
}
