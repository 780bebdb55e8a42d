using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Grounded.Rag.Embed;

/// <summary>
/// An ONNX model and its WordPiece vocabulary shipped as the manifest resources <c>{assembly}.Resources.model.onnx</c>
/// and <c>{assembly}.Resources.vocab.txt</c> of a NuGet package's assembly (the SentenceTransformers.* packages).
/// </summary>
/// <param name="assembly">The assembly that holds the resources.</param>
/// <param name="name">The model's name in file names: the int8 cache entry and the int8 file shipped beside the app.</param>
internal sealed class PackagedModel(string assembly, string name)
{
    private string ModelResource => $"{assembly}.Resources.model.onnx";

    /// <summary>Gets the model's name in file names, e.g. <c>snowflake-arctic-embed-xs</c>.</summary>
    public string Name => name;

    /// <summary>Gets the name of the assembly that holds the float32 model.</summary>
    public string Assembly => assembly;

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
        var loaded = Load();
        using var stream = Open(ModelResource);
        var identity = $"{loaded.FullName}|{loaded.ManifestModule.ModuleVersionId:N}|{ModelResource}|{stream.Length}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8));
    }

    private Stream Open(string resource) =>
        Load().GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"The embedding model resource '{resource}' is missing from {assembly}; reinstall Grounded.");

    // An installation may leave the ~90 MB float32 assemblies out and ship only the int8 exports (the CLI's tool package
    // does): say so in words instead of the runtime's "could not load file or assembly".
    private Assembly Load()
    {
        try
        {
            return System.Reflection.Assembly.Load(assembly);
        }
        catch (FileNotFoundException error)
        {
            throw new ModelNotInstalledException(
                name,
                $"the float32 model {name} is not part of this installation: the assembly {assembly} that holds it was not deployed with the application; use the int8 model, or deploy {assembly}",
                error);
        }
    }
}
