using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Grounded.Testing;

/// <summary>A webhook on loopback (a real HTTP listener) that keeps every body posted to it and answers with the statuses it is given, then 200.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _statuses;
    private readonly Task _loop;

    /// <summary>Starts listening; the first posts are answered with <paramref name="statuses"/> in order, the rest with 200.</summary>
    public WebhookListener(params int[] statuses)
    {
        _statuses = new ConcurrentQueue<int>(statuses);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Gets the webhook's URL.</summary>
    public Uri Url { get; }

    /// <summary>Gets the bodies posted so far, oldest first (each post, whatever it was answered).</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                Bodies.Enqueue(await reader.ReadToEndAsync());
            }

            context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : 200;
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }
}
