using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Xunit;

namespace PolicyEngage.Testing.Mail;

/// <summary>
/// A mail server for tests: the <c>SmtpServer</c> package's real SMTP on a loopback port (one the OS picked, or the
/// test's, so that a server can appear where a relay found none), keeping every message it accepted as MimeKit parses
/// it. On demand it refuses messages with a 451 (a temporary failure, as a busy server answers), counting them apart.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private int _refuseNext;
    private int _refused;
    private volatile bool _refusing;
    private Task _running = Task.CompletedTask;
    private int _disposed;

    private SmtpReceiver(int port) => Port = port;

    public int Port { get; }

    /// <summary>Messages accepted, in the order they came.</summary>
    public IReadOnlyList<ReceivedMail> Received => _received.ToArray();

    /// <summary>Messages answered with a failure.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>While true, every message is refused.</summary>
    public bool Refusing
    {
        get => _refusing;
        set => _refusing = value;
    }

    public static async Task<SmtpReceiver> StartAsync(int? port = null)
    {
        var receiver = new SmtpReceiver(port ?? LoopbackPorts.Free());
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp-receiver.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, receiver.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(receiver));
        receiver._running = new SmtpServer.SmtpServer(options, services).StartAsync(receiver._stop.Token);
        await Eventually.True(async () => receiver._running.IsFaulted || await AcceptsConnectionsAsync(receiver.Port),
            $"the SMTP receiver listening on port {receiver.Port}", TimeSpan.FromSeconds(10));
        if (receiver._running.IsFaulted) await receiver._running;
        return receiver;
    }

    /// <summary>Refuses the next <paramref name="count"/> messages, then accepts again.</summary>
    public void RefuseNext(int count) => Interlocked.Add(ref _refuseNext, count);

    /// <summary>Waits until the accepted messages satisfy <paramref name="condition"/>, and returns them.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> condition, string what, TimeSpan? within = null)
    {
        await Eventually.True(() => condition(Received), what, within);
        return Received;
    }

    /// <summary>Waits for one accepted message that matches, and returns the first that does.</summary>
    public async Task<ReceivedMail> WaitForOneAsync(Func<ReceivedMail, bool> match, string what, TimeSpan? within = null) =>
        (await WaitForAsync(mails => mails.Any(match), what, within)).First(match);

    public async ValueTask DisposeAsync()
    {
        // A fixture that fails to start is disposed by its own clean-up and again by xunit's.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped as asked
        }
        _stop.Dispose();
    }

    private SmtpResponse Take(IMessageTransaction transaction, ReadOnlySequence<byte> buffer)
    {
        if (_refusing || TryTakeRefusal())
        {
            Interlocked.Increment(ref _refused);
            return new SmtpResponse((SmtpReplyCode)451, "Try again later (refused by the test)");
        }
        using var stream = new MemoryStream(buffer.ToArray());
        var message = MimeMessage.Load(stream);
        _received.Enqueue(new ReceivedMail(
            message.MessageId,
            message.To.Mailboxes.Select(m => m.Address).ToList(),
            transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(),
            message.From.Mailboxes.FirstOrDefault()?.Address,
            message.Subject ?? "",
            message.TextBody ?? "",
            DateTimeOffset.UtcNow));
        return SmtpResponse.Ok;
    }

    private bool TryTakeRefusal()
    {
        while (true)
        {
            var left = Volatile.Read(ref _refuseNext);
            if (left == 0) return false;
            if (Interlocked.CompareExchange(ref _refuseNext, left - 1, left) == left) return true;
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class Store(SmtpReceiver receiver) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            Task.FromResult(receiver.Take(transaction, buffer));
    }
}
