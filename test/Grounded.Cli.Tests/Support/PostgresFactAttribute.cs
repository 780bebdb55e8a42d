namespace Grounded.Cli.Tests.Support;

/// <summary>
/// A test that needs PostgreSQL + pgvector at <c>GROUNDED_TEST_POSTGRES</c> (printed by <c>scripts/services.sh env</c>).
/// Skipped with a message when it is unset, except under CI, where the test runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Url is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "needs PostgreSQL + pgvector: run `eval \"$(scripts/services.sh start)\"` (sets GROUNDED_TEST_POSTGRES)";
        }
    }

    public static string? Url => Environment.GetEnvironmentVariable("GROUNDED_TEST_POSTGRES") is { Length: > 0 } url ? url : null;
}
