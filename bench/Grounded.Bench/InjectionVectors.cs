using Grounded.Guards.Injection;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// Embeds prepared texts as the injection detector does (each text's windows in one call, so the int8 model's
/// per-batch activation scales are the same as in production), optionally remembering vectors in a file between runs.
/// </summary>
internal static class InjectionVectors
{
    /// <summary>Returns, for each input, one vector per window.</summary>
    public static async Task<float[][][]> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IReadOnlyList<InjectionInput> inputs, string? cacheFile)
    {
        var cache = cacheFile is not null && File.Exists(cacheFile) ? Load(cacheFile) : new Dictionary<string, float[]>(StringComparer.Ordinal);
        var result = new float[inputs.Count][][];
        var added = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var units = inputs[i].Units.ToList();
            var key = string.Join("\u0001", units);
            if (!cache.TryGetValue(key, out _) || units.Count == 0)
            {
                var vectors = units.Count == 0 ? [] : (await embedder.GenerateAsync(units)).Select(e => e.Vector.ToArray()).ToArray();
                for (var u = 0; u < units.Count; u++)
                {
                    cache[key + "\u0002" + u] = vectors[u];
                }

                cache[key] = [];
                added++;
            }

            result[i] = Enumerable.Range(0, units.Count).Select(u => cache[key + "\u0002" + u]).ToArray();
        }

        if (cacheFile is not null && added > 0)
        {
            Save(cacheFile, cache);
        }

        return result;
    }

    private static Dictionary<string, float[]> Load(string file)
    {
        var map = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var reader = new BinaryReader(File.OpenRead(file));
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            var vector = new float[reader.ReadInt32()];
            for (var j = 0; j < vector.Length; j++)
            {
                vector[j] = reader.ReadSingle();
            }

            map[key] = vector;
        }

        return map;
    }

    private static void Save(string file, Dictionary<string, float[]> map)
    {
        using var writer = new BinaryWriter(File.Create(file));
        writer.Write(map.Count);
        foreach (var (key, vector) in map)
        {
            writer.Write(key);
            writer.Write(vector.Length);
            foreach (var v in vector)
            {
                writer.Write(v);
            }
        }
    }
}
