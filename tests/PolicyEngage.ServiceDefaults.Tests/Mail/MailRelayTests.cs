using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Mail;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.ServiceDefaults.Tests.Mail;

/// <summary>The mail relay against a real SMTP server (<see cref="SmtpReceiver"/>) and real SQLite files.</summary>
public sealed class MailRelayTests : IAsyncLifetime
{
    private readonly TempDirectory _files = new();
    private readonly List<IHost> _hosts = [];
    private readonly List<SmtpReceiver> _receivers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        foreach (var receiver in _receivers) await receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    [Fact]
    public async Task A_queued_mail_reaches_the_server_with_the_Message_ID_fixed_when_it_was_queued_and_is_marked_sent()
    {
        var smtp = await ReceiverAsync();
        var host = await HostAsync(smtp.Port);
        using var sent = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), MailMetrics.MeterName, MailMetrics.SentCounter);

        var queued = (await host.QueueAsync(1, "ann@acme.example")).Single();

        var received = await smtp.WaitForOneAsync(_ => true, "the mail at the server");
        Assert.Equal(queued.MessageId, received.MessageId);
        Assert.StartsWith("test.", received.MessageId);
        Assert.EndsWith("@policyengage.local", received.MessageId);
        Assert.Equal(["ann@acme.example"], received.To);
        Assert.Equal(["ann@acme.example"], received.EnvelopeTo);
        Assert.Equal("no-reply@policyengage.test", received.From);
        Assert.Equal("Mail 1 / 邮件 1", received.Subject);
        Assert.Contains("Mail number 1.", received.Text);
        Assert.Contains("第 1 封邮件。", received.Text);
        Assert.True(received.Text.IndexOf("Mail number 1.", StringComparison.Ordinal) < received.Text.IndexOf("第 1 封邮件。", StringComparison.Ordinal), "English first");
        await Eventually.True(async () => (await host.RowAsync(queued.Id)).SentAt is not null, "the row marked sent");
        Assert.Single(smtp.Received);
        Assert.Equal(1, sent.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task With_no_server_listening_a_mail_stays_unsent_with_its_attempts_growing_and_goes_once_a_server_answers()
    {
        var port = LoopbackPorts.Free();
        var clock = TestClock.StartingNow();
        var host = await HostAsync(port, clock, runRelay: false);
        var queued = (await host.QueueAsync(1)).Single();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(1, await host.Relay().SendDueAsync(CancellationToken.None));
            var row = await host.RowAsync(queued.Id);
            Assert.Equal(attempt, row.Attempts);
            Assert.Null(row.SentAt);
            Assert.Null(row.ParkedAt);
            Assert.Contains($"No mail server at 127.0.0.1:{port}", row.LastError);
            // Not due again before its back-off has passed.
            Assert.Equal(0, await host.Relay().SendDueAsync(CancellationToken.None));
            clock.Advance(TimeSpan.FromHours(1));
        }

        var smtp = await ReceiverAsync(port);
        Assert.Equal(1, await host.Relay().SendDueAsync(CancellationToken.None));

        var received = Assert.Single(smtp.Received);
        Assert.Equal(queued.MessageId, received.MessageId);
        var sentRow = await host.RowAsync(queued.Id);
        Assert.NotNull(sentRow.SentAt);
        Assert.Equal(3, sentRow.Attempts);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_is_tried_again_after_its_back_off_and_delivered_once()
    {
        var smtp = await ReceiverAsync();
        var clock = TestClock.StartingNow();
        var host = await HostAsync(smtp.Port, clock, runRelay: false);
        var queued = (await host.QueueAsync(2)).ToList();
        smtp.RefuseNext(1);

        await host.Relay().SendDueAsync(CancellationToken.None);

        var first = await host.RowAsync(queued[0].Id);
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.SentAt);
        Assert.Contains("451", first.LastError);
        // Its neighbour, behind it on the same connection, went.
        Assert.NotNull((await host.RowAsync(queued[1].Id)).SentAt);
        Assert.Equal([queued[1].MessageId], smtp.Received.Select(m => m.MessageId));

        clock.Advance(TimeSpan.FromHours(1));
        await host.Relay().SendDueAsync(CancellationToken.None);

        Assert.NotNull((await host.RowAsync(queued[0].Id)).SentAt);
        Assert.Equal(1, smtp.Refused);
        Assert.Equal([queued[1].MessageId, queued[0].MessageId], smtp.Received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_mail_refused_MaxAttempts_times_is_parked_and_not_tried_again_when_the_server_would_take_it()
    {
        var smtp = await ReceiverAsync();
        smtp.Refusing = true;
        var clock = TestClock.StartingNow();
        var host = await HostAsync(smtp.Port, clock, runRelay: false, new() { ["Smtp:MaxAttempts"] = "3" });
        using var failures = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), MailMetrics.MeterName, MailMetrics.FailuresCounter);
        var queued = (await host.QueueAsync(1)).Single();

        for (var round = 0; round < 3; round++)
        {
            await host.Relay().SendDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(1));
        }

        var parked = await host.RowAsync(queued.Id);
        Assert.Equal(3, parked.Attempts);
        Assert.NotNull(parked.ParkedAt);
        Assert.Null(parked.SentAt);
        Assert.Equal(3, smtp.Refused);
        Assert.Equal(3, failures.GetMeasurementSnapshot().EvaluateAsCounter());

        smtp.Refusing = false;
        Assert.Equal(0, await host.Relay().SendDueAsync(CancellationToken.None));
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task Two_relays_on_one_database_never_send_one_mail_twice()
    {
        var smtp = await ReceiverAsync();
        var database = _files.File("shared.db");
        var small = new Dictionary<string, string?> { ["Smtp:BatchSize"] = "3" };
        var first = await HostAsync(smtp.Port, settings: small, databaseFile: database);
        var second = await HostAsync(smtp.Port, settings: small, databaseFile: database);
        using var sentByFirst = new MetricCollector<long>(first.Services.GetRequiredService<IMeterFactory>(), MailMetrics.MeterName, MailMetrics.SentCounter);
        using var sentBySecond = new MetricCollector<long>(second.Services.GetRequiredService<IMeterFactory>(), MailMetrics.MeterName, MailMetrics.SentCounter);

        var queued = new List<OutgoingMail>();
        for (var batch = 0; batch < 20; batch++)
            queued.AddRange(await (batch % 2 == 0 ? first : second).QueueAsync(10));

        await smtp.WaitForAsync(mails => mails.Count >= queued.Count, $"{queued.Count} mails at the server", TimeSpan.FromSeconds(90));
        await Eventually.True(async () => await first.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.SentAt == null)) == 0, "every row marked sent");
        // A last round of each relay finds nothing left to send.
        Assert.Equal(0, await first.Relay().SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await second.Relay().SendDueAsync(CancellationToken.None));
        var ids = smtp.Received.Select(m => m.MessageId).ToList();
        Assert.Equal(queued.Count, ids.Count);
        Assert.Equal(queued.Select(m => m.MessageId).Order(), ids.Order());
        // Both took part, or the race was never run.
        Assert.True(sentByFirst.GetMeasurementSnapshot().EvaluateAsCounter() > 0, "the first relay sent some");
        Assert.True(sentBySecond.GetMeasurementSnapshot().EvaluateAsCounter() > 0, "the second relay sent some");
    }

    private async Task<SmtpReceiver> ReceiverAsync(int? port = null)
    {
        var receiver = await SmtpReceiver.StartAsync(port);
        _receivers.Add(receiver);
        return receiver;
    }

    private async Task<IHost> HostAsync(
        int smtpPort, FakeTimeProvider? clock = null, bool runRelay = true, Dictionary<string, string?>? settings = null, string? databaseFile = null)
    {
        var host = await MailHost.StartAsync(databaseFile ?? _files.File($"mail-{_hosts.Count}.db"), smtpPort, clock, runRelay, settings);
        _hosts.Add(host);
        return host;
    }
}
