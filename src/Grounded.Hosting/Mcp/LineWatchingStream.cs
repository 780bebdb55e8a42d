namespace Grounded.Hosting.Mcp;

/// <summary>
/// A write-only stream that passes every byte on to <paramref name="inner"/> and shows each complete line to
/// <paramref name="onLine"/> once it is flushed (so a line is seen only when the reader can have it).
/// </summary>
internal sealed class LineWatchingStream(Stream inner, Action<ReadOnlySpan<byte>> onLine) : Stream
{
    private readonly MemoryStream _line = new();
    private readonly List<byte[]> _written = [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Watch(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Watch(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        inner.Flush();
        ShowFlushed();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        ShowFlushed();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _line.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Watch(ReadOnlySpan<byte> buffer)
    {
        while (buffer.IndexOf((byte)'\n') is var end and >= 0)
        {
            _line.Write(buffer[..end]);
            _written.Add(_line.ToArray());
            _line.SetLength(0);
            buffer = buffer[(end + 1)..];
        }

        _line.Write(buffer);
    }

    private void ShowFlushed()
    {
        foreach (var line in _written)
        {
            onLine(line);
        }

        _written.Clear();
    }
}
