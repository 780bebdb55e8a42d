namespace Grounded.Agents.Tools;

/// <summary>One HTTP client for the tools of every run: connections are pooled, and each call sets its own timeout.</summary>
internal static class SharedHttp
{
    public static HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };
}
