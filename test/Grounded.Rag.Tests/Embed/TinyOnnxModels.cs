using Google.Protobuf;
using Onnx;

namespace Grounded.Rag.Tests.Embed;

/// <summary>Hand-built ONNX models small enough to check a graph rewrite by eye and run in milliseconds.</summary>
internal static class TinyOnnxModels
{
    /// <summary>The weights of <see cref="LinearThenAttentionLike"/>: 4×3, with a column of zeros and one of mixed sizes.</summary>
    public static readonly float[] Weights = [0.5f, 0f, -0.01f, -0.25f, 0f, 0.9f, 1f, 0f, 0.3f, 0.125f, 0f, -0.6f];

    /// <summary>The bias of <see cref="LinearThenAttentionLike"/>.</summary>
    public static readonly float[] Bias = [0.1f, -0.2f, 0.3f];

    /// <summary>
    /// h = x·W + b (a Linear layer, as PyTorch exports it: MatMul then Add with the bias first), then y = h·z, a
    /// MatMul between two activations that must stay float.
    /// </summary>
    /// <param name="floatWeights">Whether W is stored as float_data instead of raw_data.</param>
    public static byte[] LinearThenAttentionLike(bool floatWeights = false)
    {
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(Value("x", 2, 4));
        graph.Input.Add(Value("z", 3, 2));
        graph.Output.Add(Value("h", 2, 3));
        graph.Output.Add(Value("y", 2, 2));
        var w = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float, Dims = { 4, 3 } };
        if (floatWeights)
        {
            w.FloatData.Add(Weights);
        }
        else
        {
            w.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Weights.AsSpan()));
        }

        graph.Initializer.Add(w);
        graph.Initializer.Add(new TensorProto { Name = "b", DataType = (int)TensorProto.Types.DataType.Float, Dims = { 3 }, FloatData = { Bias } });
        graph.Node.Add(new NodeProto { Name = "linear", OpType = "MatMul", Input = { "x", "w" }, Output = { "m" } });
        graph.Node.Add(new NodeProto { Name = "bias", OpType = "Add", Input = { "b", "m" }, Output = { "h" } });
        graph.Node.Add(new NodeProto { Name = "scores", OpType = "MatMul", Input = { "h", "z" }, Output = { "y" } });
        var model = new ModelProto { IrVersion = 6, ProducerName = "Grounded.Rag.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 11 });
        return model.ToByteArray();
    }

    private static ValueInfoProto Value(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
