using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PolicyEngage.ServiceDefaults.Messaging.FaultInjection;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;

namespace PolicyEngage.ServiceDefaults.Mail;

/// <summary>
/// Hands queued mail to the SMTP server: claims due rows with a conditional update (as the outbox relay does, so relays
/// in several instances never take the same row), sends each over one connection with its own <c>Message-ID</c>, marks
/// what the server accepted as sent, and counts a failure against each row it could not send, parking it after
/// <see cref="MailOptions.MaxAttempts"/>. At least once: a crash between the server's answer and the mark sends the mail
/// again, with the same <c>Message-ID</c>.
/// </summary>
public sealed class MailRelay<TContext>(
    IServiceScopeFactory scopes,
    MailMetrics metrics,
    TimeProvider clock,
    IOptions<MailOptions> options,
    IOptions<FaultInjectionOptions> faults,
    ILogger<MailRelay<TContext>> logger)
    where TContext : DbContext, IMailOutboxContext
{
    private readonly MailOptions _options = options.Value;
    private int _answered;

    /// <summary>One round: the due rows claimed and attempted. Returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var (token, rows) = await ClaimAsync(db, cancellationToken);
        if (rows.Count == 0) return 0;

        using var smtp = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        string? unreachable = null;
        foreach (var row in rows)
        {
            // No server, no point in trying each row: they all fail with the connection's error, and all wait.
            unreachable ??= await ConnectedAsync(smtp, cancellationToken);
            if (unreachable is not null)
            {
                await CountFailureAsync(db, token, row, unreachable, cancellationToken);
                continue;
            }
            try
            {
                await smtp.SendAsync(Compose(row), cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Sending mail {MessageId} failed", row.MessageId);
                await CountFailureAsync(db, token, row, Describe(exception), cancellationToken);
                continue;
            }
            KillHereIfAsked(row);
            await db.OutgoingMails.Where(m => m.Id == row.Id && m.ClaimToken == token)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
            metrics.Sent();
        }
        if (smtp.IsConnected) await QuitAsync(smtp);
        return rows.Count;
    }

    internal async Task<(Guid Token, IReadOnlyList<OutgoingMail> Rows)> ClaimAsync(TContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await Claimable(db, now).OrderBy(m => m.Id).Select(m => m.Id).Take(_options.BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return (Guid.Empty, []);

        // Compare-and-set: the predicate is checked again on each row as it is updated, so a row another relay claimed
        // between our read and this update is left to it.
        var token = Guid.NewGuid();
        var until = now + _options.ClaimDuration;
        await Claimable(db, now).Where(m => candidates.Contains(m.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        var rows = await db.OutgoingMails.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.ClaimToken == token && m.SentAt == null)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return (token, rows);
    }

    /// <summary>Null once connected (and signed in, when configured); otherwise why not.</summary>
    private async Task<string?> ConnectedAsync(SmtpClient smtp, CancellationToken cancellationToken)
    {
        if (smtp.IsConnected) return null;
        try
        {
            var host = _options.Host ?? throw new InvalidOperationException($"The mail relay runs only with {MailOptions.Section}:Host set.");
            await smtp.ConnectAsync(host, _options.Port, SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(_options.Username) && !string.IsNullOrEmpty(_options.Password))
                await smtp.AuthenticateAsync(_options.Username, _options.Password, cancellationToken);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Cannot reach the mail server {Host}:{Port}; mail waits", _options.Host, _options.Port);
            return $"No mail server at {_options.Host}:{_options.Port}: {exception.GetType().Name}: {exception.Message}";
        }
    }

    private MimeMessage Compose(OutgoingMail row)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Date = new DateTimeOffset(row.CreatedAt, TimeSpan.Zero),
            Subject = row.Subject,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = row.TextBody },
        };
        // AddMailOutbox refused to start with a host and no sender.
        message.From.Add(MailboxAddress.Parse(_options.From!));
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        // RFC 3834: sent by a program, so that vacation responders and the like do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private async Task CountFailureAsync(TContext db, Guid token, OutgoingMail row, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        DateTime? parkedAt = attempts >= _options.MaxAttempts ? now : null;
        var nextAttemptAt = now + RetryDelay.After(attempts, _options.FirstRetryDelay, _options.MaxRetryDelay);
        var cut = error.Length > OutgoingMail.LastErrorLength ? error[..OutgoingMail.LastErrorLength] : error;
        await db.OutgoingMails.Where(m => m.Id == row.Id && m.ClaimToken == token)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.ParkedAt, parkedAt)
                .SetProperty(m => m.LastError, cut)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        metrics.Failed();
        if (parkedAt is not null)
            logger.LogError("Parked mail {MessageId} after {Attempts} failed attempts; last error: {Error}", row.MessageId, attempts, cut);
    }

    /// <summary>The server's own reply where it gave one (<c>451 …</c>), so that an operator reads what it said.</summary>
    private static string Describe(Exception exception) => exception is SmtpCommandException refused
        ? $"The mail server answered {(int)refused.StatusCode}: {refused.Message}"
        : $"{exception.GetType().Name}: {exception.Message}";

    private async Task QuitAsync(SmtpClient smtp)
    {
        try
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Everything is sent and marked by now; a server that hangs up first changes nothing.
            logger.LogDebug(exception, "The mail server hung up before QUIT");
        }
    }

    /// <summary>The fault suite's failpoint: the server has accepted the mail, and it is not yet marked sent.</summary>
    private void KillHereIfAsked(OutgoingMail row)
    {
        if (faults.Value.KillAfterMailAnswered is not { } limit || Interlocked.Increment(ref _answered) != limit) return;
        Console.Error.WriteLine($"FaultInjection: killing the process after the mail server accepted {row.MessageId}, before it is marked sent");
        Process.GetCurrentProcess().Kill();
    }

    private static IQueryable<OutgoingMail> Claimable(TContext db, DateTime now) =>
        db.OutgoingMails.Where(m => m.SentAt == null && m.ParkedAt == null
            && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));
}
