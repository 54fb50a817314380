using MassTransit;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Services;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

/// <summary>The mail a decision queues for whoever submitted the decided version, written by the review consumer's transaction.</summary>
public sealed class DecisionMailTests : IAsyncLifetime
{
    private ConsumerHarness<SubmissionsDbContext, SqliteSubmissionsDbContext> _consumers = null!;

    public async Task InitializeAsync() =>
        _consumers = await ConsumerHarness<SubmissionsDbContext, SqliteSubmissionsDbContext>.StartAsync(bus => bus.AddConsumers(typeof(ReviewCompletedConsumer).Assembly));

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task A_decision_queues_one_mail_to_the_submitter_naming_the_paper_version_decision_comment_and_link_in_English_then_Chinese()
    {
        var paper = await SeedSubmittedPaperAsync("ann@acme.example");
        var review = Review(paper, 1, ReviewOutcome.RequestChanges) with { Comment = "Cite the 2025 survey, please." };

        await _consumers.DeliverAsync(review, times: 2);

        var mail = Assert.Single(await MailsAsync());
        Assert.Equal("ann@acme.example", mail.Recipient);
        Assert.Equal($"decision.{review.EventId:N}@policyengage.local", mail.MessageId);
        Assert.Equal("Changes requested: \"Privacy by default\", version 1 / 需要修改：《Privacy by default》第 1 版", mail.Subject);
        Assert.Contains("Decision: Changes requested", mail.TextBody);
        Assert.Contains("决定：需要修改", mail.TextBody);
        Assert.Contains("Cite the 2025 survey, please.", mail.TextBody);
        Assert.Contains($"http://127.0.0.1:8080/papers/{paper.Id}", mail.TextBody);
        Assert.True(mail.TextBody.IndexOf("Decision:", StringComparison.Ordinal) < mail.TextBody.IndexOf("简体中文", StringComparison.Ordinal), "English first");
        Assert.Null(mail.SentAt);
    }

    [Fact]
    public async Task A_decision_that_crossed_the_withdrawal_queues_no_mail()
    {
        var paper = await SeedSubmittedPaperAsync("ann@acme.example", withdrawn: true);

        await _consumers.DeliverAsync(Review(paper, 1, ReviewOutcome.Approve));

        Assert.Empty(await MailsAsync());
        Assert.Equal(PaperStatus.Withdrawn, await _consumers.ReadAsync(db => db.Papers.Where(p => p.Id == paper.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_version_submitted_without_an_address_gets_its_decision_recorded_and_no_mail()
    {
        var paper = await SeedSubmittedPaperAsync(email: null);

        await _consumers.DeliverAsync(Review(paper, 1, ReviewOutcome.Approve));

        Assert.Empty(await MailsAsync());
        Assert.Equal(PaperStatus.Approved, await _consumers.ReadAsync(db => db.Papers.Where(p => p.Id == paper.Id).Select(p => p.Status).SingleAsync()));
    }

    private Task<List<OutgoingMail>> MailsAsync() => _consumers.ReadAsync(db => db.OutgoingMails.AsNoTracking().ToListAsync());

    private async Task<Paper> SeedSubmittedPaperAsync(string? email, bool withdrawn = false)
    {
        var consultation = OpenConsultation();
        var paper = SubmittedPaper(consultation, email);
        if (withdrawn) paper.Withdraw("author-1", Now.AddMinutes(2));
        await _consumers.WriteAsync(db =>
        {
            db.Consultations.Add(consultation);
            db.Papers.Add(paper);
        });
        return paper;
    }
}
