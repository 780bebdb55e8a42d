using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Grounded.Rag.Embed;

/// <summary>
/// Rewrites an ONNX model so its weight MatMuls run in int8: each MatMul whose B is a rank-2 float initializer becomes
/// a <c>com.microsoft DynamicQuantizeMatMul</c> with B quantized symmetrically per output column, and the bias Add that
/// follows it moves into the op. Activations are quantized by ORT at run time, so no calibration data is needed.
/// </summary>
/// <remarks>
/// Attention's MatMuls (activation × activation) stay float. On x86 without VNNI, ORT's u8×s8 kernel can saturate
/// int16 intermediates; accuracy is checked by Int8QuantizerTests on the machine that runs them.
/// </remarks>
internal static class Int8Quantizer
{
    /// <summary>The version of the rewrite; bump it when the output changes so cached models are rebuilt.</summary>
    public const int Version = 1;

    private const string MicrosoftDomain = "com.microsoft";
    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int8Type = (int)TensorProto.Types.DataType.Int8;

    /// <summary>Returns the quantized model's bytes; the float model's bytes are not modified.</summary>
    public static byte[] Quantize(byte[] floatModel)
    {
        ArgumentNullException.ThrowIfNull(floatModel);
        if (!BitConverter.IsLittleEndian)
        {
            // ONNX raw_data is little-endian; reinterpreting it in place is only right on a little-endian machine.
            throw new PlatformNotSupportedException("Int8 quantization needs a little-endian machine.");
        }

        var model = ModelProto.Parser.ParseFrom(floatModel);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var quantized = new Dictionary<string, (string Weights, string Scales, string ZeroPoints)>(StringComparer.Ordinal);
        var folded = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);

        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.OpType != "MatMul" || node.Domain.Length > 0 || node.Input.Count != 2
                || !initializers.TryGetValue(node.Input[1], out var weights) || !IsFloatMatrix(weights))
            {
                continue;
            }

            if (!quantized.TryGetValue(weights.Name, out var names))
            {
                names = AddQuantizedWeights(graph, weights);
                quantized.Add(weights.Name, names);
            }

            var rewritten = new NodeProto
            {
                Name = node.Name + "_int8",
                OpType = "DynamicQuantizeMatMul",
                Domain = MicrosoftDomain,
                Input = { node.Input[0], names.Weights, names.Scales, names.ZeroPoints },
                Output = { node.Output[0] },
            };
            if (BiasAdd(graph, initializers, node.Output[0], weights.Dims[1]) is { } add)
            {
                rewritten.Input.Add(add.Input[0] == node.Output[0] ? add.Input[1] : add.Input[0]);
                rewritten.Output[0] = add.Output[0];
                folded.Add(add);
            }

            graph.Node[i] = rewritten;
        }

        RemoveWhere(graph.Node, folded.Contains);
        RemoveUnused(graph, quantized.Keys);
        if (!model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        return model.ToByteArray();
    }

    // The bias Add that follows a Linear layer can ride inside DynamicQuantizeMatMul, saving a pass over the output;
    // only when the MatMul's result feeds that Add alone and the bias is a float vector of the output width.
    private static NodeProto? BiasAdd(GraphProto graph, Dictionary<string, TensorProto> initializers, string output, long width)
    {
        var consumers = graph.Node.Where(n => n.Input.Contains(output)).Take(2).ToList();
        if (consumers.Count != 1 || graph.Output.Any(o => o.Name == output))
        {
            return null;
        }

        var add = consumers[0];
        if (add.OpType != "Add" || add.Domain.Length > 0 || add.Input.Count != 2 || add.Input[0] == add.Input[1])
        {
            return null;
        }

        var other = add.Input[0] == output ? add.Input[1] : add.Input[0];
        return initializers.TryGetValue(other, out var bias) && bias.DataType == FloatType
            && bias.Dims.Count == 1 && bias.Dims[0] == width ? add : null;
    }

    private static bool IsFloatMatrix(TensorProto tensor) =>
        tensor.DataType == FloatType && tensor.Dims.Count == 2 && tensor.ExternalData.Count == 0;

    // Symmetric per-column quantization: scale = max|column| / 127, zero point 0, so -127..127 and no clipping of
    // outliers beyond the column's own maximum.
    private static (string, string, string) AddQuantizedWeights(GraphProto graph, TensorProto weights)
    {
        var rows = checked((int)weights.Dims[0]);
        var cols = checked((int)weights.Dims[1]);
        ReadOnlySpan<float> values = weights.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(weights.RawData.Span)
            : weights.FloatData.ToArray();

        var scales = new float[cols];
        for (var r = 0; r < rows; r++)
        {
            var row = values.Slice(r * cols, cols);
            for (var c = 0; c < cols; c++)
            {
                scales[c] = Math.Max(scales[c], Math.Abs(row[c]));
            }
        }

        for (var c = 0; c < cols; c++)
        {
            // An all-zero column would divide by zero; any scale reproduces it exactly.
            scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        }

        var q = new sbyte[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var v = MathF.Round(values[(r * cols) + c] / scales[c], MidpointRounding.ToEven);
                q[(r * cols) + c] = (sbyte)Math.Clamp(v, -127f, 127f);
            }
        }

        var name = weights.Name;
        graph.Initializer.Add(Tensor(name + "_quantized", Int8Type, [rows, cols], MemoryMarshal.AsBytes(q.AsSpan())));
        graph.Initializer.Add(Tensor(name + "_scale", FloatType, [cols], MemoryMarshal.AsBytes(scales.AsSpan())));
        graph.Initializer.Add(Tensor(name + "_zero_point", Int8Type, [cols], new byte[cols]));
        return (name + "_quantized", name + "_scale", name + "_zero_point");
    }

    private static TensorProto Tensor(string name, int dataType, long[] dims, ReadOnlySpan<byte> raw) => new()
    {
        Name = name,
        DataType = dataType,
        Dims = { dims },
        RawData = ByteString.CopyFrom(raw),
    };

    // A float weight shared with a node we did not rewrite must stay; the rest would only bloat the file.
    private static void RemoveUnused(GraphProto graph, IEnumerable<string> candidates)
    {
        var used = graph.Node.SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        var unused = candidates.Where(c => !used.Contains(c)).ToHashSet(StringComparer.Ordinal);
        RemoveWhere(graph.Initializer, t => unused.Contains(t.Name));
        RemoveWhere(graph.Input, v => unused.Contains(v.Name));
    }

    private static void RemoveWhere<T>(IList<T> list, Func<T, bool> predicate)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (predicate(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }
}
