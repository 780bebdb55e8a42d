namespace Grounded.Rag.Embed;

/// <summary>
/// The int8 models and vocabularies the CLI's build exports beside the app (<c>models/{name}.int8.onnx</c> and
/// <c>models/{name}.vocab.txt</c>), so an installed tool carries neither the ~90 MB float32 models nor quantizes one at
/// its first run. Where they are absent (a program that references Grounded.Rag alone) the packaged model is used.
/// </summary>
internal sealed class ShippedModelFiles(string directory)
{
    /// <summary>Gets the files beside the running app: <c>{AppContext.BaseDirectory}/models</c>.</summary>
    public static ShippedModelFiles Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "models"));

    /// <summary>Gets the directory the files are in.</summary>
    public string Directory => directory;

    /// <summary>Returns the path of the int8 model named <paramref name="name"/>.</summary>
    public string ModelPath(string name) => Path.Combine(directory, $"{name}.int8.onnx");

    /// <summary>Returns the path of the vocabulary of the model named <paramref name="name"/>.</summary>
    public string VocabularyPath(string name) => Path.Combine(directory, $"{name}.vocab.txt");

    /// <summary>Returns the shipped int8 model's bytes, or null when none is shipped.</summary>
    public byte[]? TryReadInt8Model(string name)
    {
        var path = ModelPath(name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>Opens the shipped vocabulary of <paramref name="model"/>, else the one inside its package.</summary>
    public Stream OpenVocabulary(PackagedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = VocabularyPath(model.Name);
        return File.Exists(path) ? File.OpenRead(path) : model.OpenVocabulary();
    }

    /// <summary>Writes an int8 model and its vocabulary; each file appears whole or not at all.</summary>
    public void Write(string name, byte[] int8Model, Stream vocabulary)
    {
        ArgumentNullException.ThrowIfNull(int8Model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        System.IO.Directory.CreateDirectory(directory);
        using var words = new MemoryStream();
        vocabulary.CopyTo(words);
        WriteWhole(VocabularyPath(name), words.ToArray());
        WriteWhole(ModelPath(name), int8Model);
    }

    // Beside the target and renamed into place: a build interrupted mid-write leaves no half model to be shipped.
    private static void WriteWhole(string path, byte[] bytes)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
