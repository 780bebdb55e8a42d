using System.Runtime.InteropServices;

namespace Grounded.Rag.Index;

/// <summary>Converts vectors to and from little-endian float32 blobs.</summary>
internal static class VectorBlob
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] ToVector(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();
}
