using System.Buffers.Binary;

namespace Grounded.Rag.Access;

/// <summary>A query embedding as the query log stores it: its floats as little-endian IEEE 754 singles, 4 bytes each.</summary>
public static class QueryEmbeddings
{
    /// <summary>Returns the bytes of <paramref name="vector"/>.</summary>
    public static byte[] ToBytes(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    /// <summary>Returns the vector <paramref name="bytes"/> hold.</summary>
    public static float[] FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return vector;
    }
}
