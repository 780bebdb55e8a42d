using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Tests.Support;

/// <summary>Helpers to run readers and chunkers to completion.</summary>
internal static class Blocks
{
    public static async Task<List<TextBlock>> ReadAllAsync(IDocumentReader reader, string path)
    {
        var blocks = new List<TextBlock>();
        await foreach (var block in reader.ReadAsync(path, CancellationToken.None))
        {
            blocks.Add(block);
        }

        return blocks;
    }

    public static async IAsyncEnumerable<TextBlock> Stream(IEnumerable<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            await Task.Yield();
            yield return block;
        }
    }

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
