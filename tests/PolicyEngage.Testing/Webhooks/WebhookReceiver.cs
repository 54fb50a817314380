using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace PolicyEngage.Testing.Webhooks;

/// <summary>
/// A regulator's webhook endpoint: real Kestrel on a loopback address of the test's choosing (Linux routes all of
/// 127.0.0.0/8 to loopback) and a port the OS picks. It checks each request's signature with the <c>StandardWebhooks</c>
/// package, not with our signer, records every request, and answers from a script (then 200). It counts TCP connections
/// too, so a test can tell that nothing reached it, not even a TLS handshake.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ConcurrentQueue<WebhookAnswer> _script = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentQueue<string> _trusted;
    private int _connections;
    private WebApplication? _app;

    private WebhookReceiver(IEnumerable<string> trustedSecrets) => _trusted = new ConcurrentQueue<string>(trustedSecrets);

    /// <summary>Its root, <c>http://address:port/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public int Port => Url.Port;

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public int Connections => Volatile.Read(ref _connections);

    public static async Task<WebhookReceiver> StartAsync(IPAddress address, params string[] trustedSecrets)
    {
        var receiver = new WebhookReceiver(trustedSecrets);
        // The empty builder reads no appsettings.json, so nothing in the test's output folder moves its address.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(address, 0, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref receiver._connections);
            return next(connection);
        })));
        var app = builder.Build();
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return receiver;
    }

    /// <summary>Another secret the regulator holds, tried on every later request.</summary>
    public void Trust(string secret) => _trusted.Enqueue(secret);

    /// <summary>The answers to the next requests, in order; once they are used up, 200.</summary>
    public void AnswerNext(params WebhookAnswer[] answers)
    {
        foreach (var answer in answers) _script.Enqueue(answer);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var (verifiedBy, errors) = Verify(body, headers);
        _received.Enqueue(new ReceivedWebhook(
            context.Request.Method, headers.ContentType, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"],
            body, verifiedBy, errors, receivedAt));

        var answer = _script.TryDequeue(out var next) ? next : WebhookAnswer.Ok;
        try
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the sender gave up waiting
        }
        context.Response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers) context.Response.Headers[name] = value;
    }

    /// <summary>
    /// As a regulator would: the body as text, the headers as received, each secret it holds in turn. Each entry of the
    /// signature header is given to the library on its own: StandardWebhooks 1.1.2 compares only the first entry of a
    /// header with several (its loop ends before the last), and both of a rotation's signatures are to be checked here.
    /// </summary>
    private (IReadOnlyList<string> VerifiedBy, IReadOnlyList<string> Errors) Verify(byte[] body, IHeaderDictionary headers)
    {
        string payload;
        try
        {
            payload = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return ([], ["The body is not UTF-8."]);
        }

        var entries = headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } split ? split : [""];
        var verifiedBy = new List<string>();
        var errors = new List<string>();
        foreach (var secret in _trusted)
        {
            var webhook = new StandardWebhook(secret);
            var refusals = new List<string>();
            foreach (var entry in entries)
            {
                try
                {
                    webhook.Verify(payload, new HeaderDictionary
                    {
                        ["webhook-id"] = headers["webhook-id"],
                        ["webhook-timestamp"] = headers["webhook-timestamp"],
                        ["webhook-signature"] = entry,
                    });
                    verifiedBy.Add(secret);
                    refusals.Clear();
                    break;
                }
                catch (WebhookVerificationException refused)
                {
                    refusals.Add(refused.Message);
                }
            }
            errors.AddRange(refusals.Distinct());
        }
        return (verifiedBy, errors);
    }
}
