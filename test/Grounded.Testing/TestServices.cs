namespace Grounded.Testing;

/// <summary>
/// The external services some tests need (PostgreSQL + pgvector, Redis), as started by <c>scripts/services.sh</c>. When one is
/// missing the test is skipped with how to start it, except under CI (<c>CI</c> set), where a missing service fails the test.
/// </summary>
public static class TestServices
{
    private const string HowToStart = "start them with: eval \"$(scripts/services.sh start)\" (./test.sh does this)";

    /// <summary>Returns the PostgreSQL URL from <c>GROUNDED_TEST_POSTGRES</c>, or skips (fails under CI) when it is not set.</summary>
    public static string Postgres => Require("GROUNDED_TEST_POSTGRES", "PostgreSQL + pgvector");

    /// <summary>Returns the Redis endpoint from <c>GROUNDED_TEST_REDIS</c>, or skips (fails under CI) when it is not set.</summary>
    public static string Redis => Require("GROUNDED_TEST_REDIS", "Redis");

    /// <summary>Gets whether the tests run under CI, where missing services are failures.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Skips the test (fails it under CI) because <paramref name="service"/> cannot be reached.</summary>
    public static void Unavailable(string service, string why)
    {
        var message = $"{service} is not reachable ({why}); {HowToStart}";
        if (InCi)
        {
            throw new InvalidOperationException("CI is set, so this is a failure: " + message);
        }

        Skip.If(true, message);
    }

    private static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Unavailable(service, $"${variable} is not set");
        }

        return value!;
    }
}
