using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Grounded.Rag.Embed;

/// <summary>
/// An ONNX model and its WordPiece vocabulary shipped as the manifest resources <c>{assembly}.Resources.model.onnx</c>
/// and <c>{assembly}.Resources.vocab.txt</c> of a NuGet package's assembly (the SentenceTransformers.* packages).
/// </summary>
internal sealed class PackagedModel(string assembly)
{
    private string ModelResource => $"{assembly}.Resources.model.onnx";

    /// <summary>Reads the float32 ONNX model's bytes.</summary>
    public byte[] ReadModel()
    {
        using var stream = Open(ModelResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Opens the model's WordPiece vocabulary.</summary>
    public Stream OpenVocabulary() => Open($"{assembly}.Resources.vocab.txt");

    /// <summary>
    /// Returns a fingerprint of the model without reading it: the hash of the assembly's name, module version id (new at
    /// every build of the package) and the model resource's name and length.
    /// </summary>
    public string Fingerprint()
    {
        var loaded = Assembly.Load(assembly);
        using var stream = Open(ModelResource);
        var identity = $"{loaded.FullName}|{loaded.ManifestModule.ModuleVersionId:N}|{ModelResource}|{stream.Length}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8));
    }

    private Stream Open(string resource) =>
        Assembly.Load(assembly).GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"The embedding model resource '{resource}' is missing from {assembly}; reinstall Grounded.");
}
