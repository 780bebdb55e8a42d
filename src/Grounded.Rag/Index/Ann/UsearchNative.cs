using System.Runtime.InteropServices;

namespace Grounded.Rag.Index.Ann;

/// <summary>
/// The C API of USearch (libusearch_c, shipped in the Cloud.Unum.USearch package). Called directly rather than through
/// the package's <c>USearchIndex</c>: that wrapper grows capacity by one vector per add (a reallocation each time,
/// ~400–1,100 vectors/s), cannot reserve ahead or change the search expansion, and pins a managed array per call.
/// </summary>
internal static unsafe partial class UsearchNative
{
    private const string Library = "libusearch_c";

    public enum Metric
    {
        InnerProduct = 2,
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct InitOptions
    {
        public Metric MetricKind;
        public nint CustomMetric;
        public ScalarKind Quantization;
        public nuint Dimensions;
        public nuint Connectivity;
        public nuint ExpansionAdd;
        public nuint ExpansionSearch;
        public byte Multi; // C bool
    }

    /// <summary>How the index stores vectors (the C API's scalar kinds).</summary>
    public enum ScalarKind
    {
        Float32 = 1,
        Float16 = 3,
        Int8 = 4,
    }

    [LibraryImport(Library, EntryPoint = "usearch_init")]
    public static partial nint Init(InitOptions* options, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_free")]
    public static partial void Free(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_save", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Save(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Load(nint index, string path, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_size")]
    public static partial nuint Size(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_capacity")]
    public static partial nuint Capacity(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_dimensions")]
    public static partial nuint Dimensions(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_memory_usage")]
    public static partial nuint MemoryUsage(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_reserve")]
    public static partial void Reserve(nint index, nuint capacity, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_add")]
    public static partial void Add(nint index, ulong key, float* vector, ScalarKind kind, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_remove")]
    public static partial nuint Remove(nint index, ulong key, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_search")]
    public static partial nuint Search(nint index, float* query, ScalarKind kind, nuint count, ulong* keys, float* distances, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_search")]
    public static partial void ChangeExpansionSearch(nint index, nuint expansion, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_add")]
    public static partial void ChangeThreadsAdd(nint index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_search")]
    public static partial void ChangeThreadsSearch(nint index, nuint threads, out nint error);

    /// <summary>Throws when the last call reported an error (USearch's messages are static strings, never freed).</summary>
    public static void Check(nint error, string operation)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"USearch {operation} failed: {Marshal.PtrToStringUTF8(error)}");
        }
    }
}
