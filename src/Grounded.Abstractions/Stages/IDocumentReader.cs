using Grounded.Documents;

namespace Grounded.Stages;

/// <summary>Ingest stage: turns one file format into text blocks in reading order.</summary>
public interface IDocumentReader
{
    /// <summary>Gets the file extensions (lowercase, with the dot) this reader handles.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Reads the blocks of a file, streaming where the format allows; throws <see cref="DocumentReadException"/> when the file cannot be read.</summary>
    IAsyncEnumerable<TextBlock> ReadAsync(string path, CancellationToken cancellationToken);
}
