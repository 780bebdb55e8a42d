using System.Security.Cryptography;

namespace Grounded.Rag.Embed;

/// <summary>
/// Keeps int8 models on disk so quantization runs once per machine, not at every start. Entries are keyed by a hash
/// of the float model and <see cref="Int8Quantizer.Version"/>, so a new model or a changed quantizer never reads a
/// stale file. When the directory cannot be used the model is quantized in memory instead: a cache is an optimisation.
/// </summary>
internal sealed class QuantizedModelCache
{
    private readonly string? _directory;

    /// <summary>Creates a cache in <paramref name="directory"/>; null keeps nothing on disk.</summary>
    public QuantizedModelCache(string? directory) => _directory = directory;

    /// <summary>Creates a cache in <see cref="DefaultDirectory"/>.</summary>
    public static QuantizedModelCache Default() => new(DefaultDirectory());

    /// <summary>
    /// Returns <c>GROUNDED_CACHE</c> when set, else <c>$XDG_CACHE_HOME/grounded/models</c>, else
    /// <c>~/.cache/grounded/models</c>; null when none of them can be worked out.
    /// </summary>
    public static string? DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("GROUNDED_CACHE") is { Length: > 0 } explicitDirectory)
        {
            return explicitDirectory;
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "grounded", "models");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "grounded", "models") : null;
    }

    /// <summary>Returns the int8 model for <paramref name="floatModel"/>, from disk when cached, else quantized now (and stored).</summary>
    /// <param name="floatModel">The float32 ONNX model's bytes.</param>
    /// <param name="name">A readable prefix for the cache file, e.g. the model's name.</param>
    public byte[] GetOrQuantize(byte[] floatModel, string name)
    {
        ArgumentNullException.ThrowIfNull(floatModel);
        return GetOrQuantize(Fingerprint(floatModel), name, () => floatModel);
    }

    /// <summary>
    /// Returns the int8 model of the float model <paramref name="fingerprint"/> names, reading the float model only
    /// when it must be quantized: a packaged model is named by its assembly's identity, which spares reading and
    /// hashing ~90 MB at every start.
    /// </summary>
    /// <param name="fingerprint">A string that changes whenever the float model does (hex, 16 characters or more).</param>
    /// <param name="name">A readable prefix for the cache file, e.g. the model's name.</param>
    /// <param name="readFloatModel">Reads the float32 ONNX model's bytes.</param>
    public byte[] GetOrQuantize(string fingerprint, string name, Func<byte[]> readFloatModel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(readFloatModel);
        if (_directory is null)
        {
            return Int8Quantizer.Quantize(readFloatModel());
        }

        var path = PathFor(fingerprint, name);
        if (TryRead(path) is { } cached)
        {
            return cached;
        }

        var quantized = Int8Quantizer.Quantize(readFloatModel());
        TryWrite(path, quantized);
        return quantized;
    }

    /// <summary>Returns the file the int8 variant of <paramref name="floatModel"/> is kept in.</summary>
    public string PathFor(byte[] floatModel, string name)
    {
        ArgumentNullException.ThrowIfNull(floatModel);
        return PathFor(Fingerprint(floatModel), name);
    }

    /// <summary>Returns the file the int8 variant of the float model named by <paramref name="fingerprint"/> is kept in.</summary>
    public string PathFor(string fingerprint, string name) =>
        Path.Combine(_directory ?? ".", $"{name}.int8-v{Int8Quantizer.Version}-{fingerprint[..16]}.onnx");

    /// <summary>Returns a fingerprint of a model's bytes: the start of their SHA-256, in hex.</summary>
    public static string Fingerprint(byte[] model) => Convert.ToHexStringLower(SHA256.HashData(model).AsSpan(0, 8));

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Written beside the target and renamed into place, so a reader sees either no file or a whole one, even when
    // two processes quantize at the same time (the later rename wins with identical bytes).
    private static void TryWrite(string path, byte[] bytes)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftover temp files are harmless: they never match a cache file name.
        }
    }
}
