namespace Grounded.Hosting.Config;

// evaluation: as written in the YAML file.
internal sealed class EvaluationDocument
{
    // Whether answered questions go to the store's query log for drift reports (default true).
    public bool? QueryLog { get; set; }
}
