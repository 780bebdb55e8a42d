namespace Grounded.Agents.Definitions;

/// <summary>The ids, severities and limits of <see cref="AgentLinter"/>'s rules.</summary>
internal static class LintRules
{
    public const string Error = "error";
    public const string Warning = "warning";

    public const string MissingInstructions = "missing-instructions";
    public const string TooManyTools = "too-many-tools";
    public const string DuplicateTool = "duplicate-tool";
    public const string AmbiguousNames = "ambiguous-names";
    public const string ToolNameStyle = "tool-name-style";
    public const string MissingDescription = "missing-description";
    public const string MissingParameterDescription = "missing-parameter-description";
    public const string TooManyParameters = "too-many-parameters";
    public const string StringShouldBeEnum = "string-should-be-enum";
    public const string NestedOutput = "nested-output";

    public const int MostTools = 10;
    public const int MostParameters = 5;
    public const int MostNesting = 2;
    public const int FewestDescriptionChars = 20;
    public const int LongestName = 64;
}
