using Microsoft.ML;
using Microsoft.ML.Data;

namespace Grounded.Bench;

/// <summary>A boosted-trees probe of the abstention features (ML.NET FastTree): how much a non-linear combiner would gain over the logistic one.</summary>
internal static class AbstentionTrees
{
    public static Func<float[], double> Fit(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, int trees, int leaves)
    {
        var ml = new MLContext(seed: 7);
        var data = ml.Data.LoadFromEnumerable(x.Select((f, i) => new Example { Features = f, Label = y[i] }), SchemaDefinition.Create(typeof(Example)) is var schema ? Fix(schema, x[0].Length) : null);
        var model = ml.BinaryClassification.Trainers.FastTree(numberOfTrees: trees, numberOfLeaves: leaves, minimumExampleCountPerLeaf: 10, learningRate: 0.1).Fit(data);
        var engine = ml.Model.CreatePredictionEngine<Example, Prediction>(model, inputSchemaDefinition: Fix(SchemaDefinition.Create(typeof(Example)), x[0].Length));
        return f => engine.Predict(new Example { Features = f }).Probability;
    }

    private static SchemaDefinition Fix(SchemaDefinition schema, int dims)
    {
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dims);
        return schema;
    }

    private sealed class Example
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }
}
