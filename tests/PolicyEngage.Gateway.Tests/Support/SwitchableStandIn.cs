using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PolicyEngage.Gateway.Tests.Support;

/// <summary>
/// One stand-in service on a fixed loopback port that a test stops and starts again, as an operator restarts a service,
/// counting every request that reaches it. A hung one accepts requests and never answers them; a slow one answers each
/// after <c>answersAfter</c>.
/// </summary>
public sealed class SwitchableStandIn(string cluster, bool hangs = false, TimeSpan answersAfter = default) : IAsyncDisposable
{
    private WebApplication? _app;
    private int _requests;

    public int Port { get; } = UnusedLoopbackPort();
    public string Address => $"http://127.0.0.1:{Port}";
    public int Requests => Volatile.Read(ref _requests);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(async context =>
        {
            Interlocked.Increment(ref _requests);
            if (hangs)
            {
                await HangAsync(context);
                return;
            }
            await Task.Delay(answersAfter, context.RequestAborted);
            await StandInServices.AnswerAsync(cluster, context);
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>A loopback port nothing listens on (until a stand-in takes it).</summary>
    public static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Holds the request until the gateway gives up on it and drops the connection.</summary>
    private static async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
