using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Mail;
using Xunit.Abstractions;
using static PolicyEngage.Testing.FlowSteps;

namespace PolicyEngage.Faults.Tests.MailKill;

/// <summary>
/// Submissions dies by SIGKILL after the mail server accepted a decision mail and before the mail was marked sent (a
/// failpoint puts the kill exactly there). Started again, it sends that mail once more with the same Message-ID, the
/// recipient's cue that it is a repeat: at least once, never lost, and recognisable. Mails after it go once.
/// </summary>
public sealed class MailKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string KillAfterMailAnswered = "FaultInjection__KillAfterMailAnswered";
    private const string Author = "kill.author@acme.example";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly MailingSystem _system = new()
    {
        Settings = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["Submissions"] = new Dictionary<string, string> { [KillAfterMailAnswered] = "1" },
        },
    };

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task Killed_between_the_servers_answer_and_the_mark_the_mail_is_sent_again_with_its_Message_ID_and_later_mails_once()
    {
        var api = _system.Client();
        var liaison = await api.SignInAsync("mail-kill-liaison", "LiaisonOfficer");
        var author = await api.SignInAsync("mail-kill-author", "PolicyAuthor", org: "acme", email: Author);
        var reviewer = await api.SignInAsync("mail-kill-reviewer", "Reviewer", org: "globex");
        var regulatorId = await RegisterRegulatorAsync(liaison, "Mail kill regulator");
        var consultationId = await OpenConsultationAsync(liaison, regulatorId, "MAIL-KILL");
        var submissions = _system.Service("Submissions");

        await SubmitAndDecideAsync(author, reviewer, consultationId, "Mailed twice", "Approve");

        Assert.Equal(137, await submissions.ExitCodeWithinAsync(Bound));
        Assert.Contains("FaultInjection: killing the process after the mail server accepted", submissions.LogTail(int.MaxValue));
        var first = Assert.Single(_system.Smtp.Received);
        Assert.Contains("Mailed twice", first.Subject);
        submissions.Restart(new Dictionary<string, string?> { [KillAfterMailAnswered] = null });
        await submissions.WaitUntilReadyAsync(Bound);

        // The killed relay's claim lapses (Smtp:ClaimDuration, 3 s here), then the mail goes again.
        await _system.Smtp.WaitForAsync(mails => mails.Count(m => m.MessageId == first.MessageId) >= 2, "the mail sent again after the restart", Bound);
        await SubmitAndDecideAsync(author, reviewer, consultationId, "Mailed once", "Reject");
        await _system.Smtp.WaitForOneAsync(m => m.Subject.Contains("Mailed once"), "the later decision's mail", Bound);
        // Settled when Submissions has marked every mail sent: nothing is left to send again.
        await Eventually.True(() => UnsentMails() == 0, "every mail marked sent", Bound);

        var received = _system.Smtp.Received;
        output.WriteLine(string.Join("\n", received.Select(m => $"{m.ReceivedAt:HH:mm:ss.fff} {m.MessageId} {m.Subject}")));
        Assert.Equal(2, received.Count(m => m.MessageId == first.MessageId));
        Assert.All(received.Where(m => m.MessageId == first.MessageId), m => Assert.Equal((first.Subject, first.Text), (m.Subject, m.Text)));
        var later = Assert.Single(received, m => m.MessageId != first.MessageId);
        Assert.Contains("Mailed once", later.Subject);
        Assert.All(received, m => Assert.Equal([Author], m.To));
        Assert.Equal(2, new SystemLedger(_system.DatabaseFiles).Count("submissions", "SELECT COUNT(*) FROM OutgoingMails"));
    }

    private long UnsentMails() => new SystemLedger(_system.DatabaseFiles).Count("submissions", "SELECT COUNT(*) FROM OutgoingMails WHERE SentAt IS NULL");
}
