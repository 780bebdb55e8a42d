using Grounded.Rag.Embed;

// Usage: Grounded.ModelExport OUTPUT_DIR
// Writes {name}.int8.onnx and {name}.vocab.txt for each model the CLI ships, each checked against its float32 original.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Grounded.ModelExport OUTPUT_DIR");
    return 2;
}

var target = new ShippedModelFiles(Path.GetFullPath(args[0]));
(PackagedModel Package, Func<bool, EmbeddingModelProfile> Profile)[] models =
[
    (ArcticXsModel.Package, ArcticXsModel.Profile),
    (MiniLmModel.Package, MiniLmModel.Profile),
];
foreach (var (package, profile) in models)
{
    try
    {
        var lowest = await Int8Export.ExportAsync(package, profile, target, Int8Quantizer.Quantize);
        var path = target.ModelPath(package.Name);
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F1} MB, int8↔float32 cosine ≥ {lowest:F4}");
    }
    catch (InvalidDataException error)
    {
        Console.Error.WriteLine($"error: {error.Message}");
        return 1;
    }
}

return 0;
