using System.Net;

namespace Grounded.Bench.Gateway;

/// <summary>A webhook receiver on loopback that answers 200 and counts what it was sent (the alerts of the monitoring-on server).</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private int _received;

    private WebhookSink(HttpListener listener, Uri url)
    {
        _listener = listener;
        Url = url;
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int Received => Volatile.Read(ref _received);

    public static Task<WebhookSink> StartAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000);
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return Task.FromResult(new WebhookSink(listener, new Uri($"http://127.0.0.1:{port}/hook")));
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await context.Request.InputStream.CopyToAsync(Stream.Null).ConfigureAwait(false);
            Interlocked.Increment(ref _received);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}
