using System.Net;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary>What the paper endpoints leave in the outbox, the only way their events reach other services.</summary>
public sealed class PaperOutboxTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    [Fact]
    public async Task A_submit_writes_exactly_one_outbox_row_whose_message_id_is_the_event_it_carries()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "author-9");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        var lastRowBefore = await LastOutboxRowIdAsync();

        var response = await author.SubmitAsync(paper.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var submitted = await PapersClient.PaperOf(response);
        var rows = await app.ReadAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id > lastRowBefore).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(typeof(PositionPaperSubmitted).FullName, row.MessageType);
        var carried = Assert.IsType<PositionPaperSubmitted>(row.DeserializeEvent());
        Assert.Equal(row.MessageId, carried.EventId);
        Assert.Equal(
            (consultation.Id, paper.Id, 1, submitted.ContentHash, "acme", "author-9", consultation.OpenedEventId),
            (carried.ConsultationId, carried.PaperId, carried.Version, (string?)carried.ContentHash, carried.Organisation, carried.Actor, carried.CausationId));

        // The relay publishes after the response, on its own schedule: wait for it, bounded.
        var published = app.Services.GetTestHarness().Published;
        await Eventually.True(() => published.Select<PositionPaperSubmitted>(p =>
            p.Context.Message.PaperId == paper.Id && p.Context.MessageId == carried.EventId).Any(), "the submission published from the outbox");
    }

    [Fact]
    public async Task Withdrawing_a_draft_never_submitted_writes_no_outbox_row()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        var rowsBefore = await app.CountRowsAsync();

        var response = await author.WithdrawAsync(paper.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaperStatus.Withdrawn, (await PapersClient.PaperOf(response)).Status);
        Assert.Equal(rowsBefore, await app.CountRowsAsync());
    }

    [Fact]
    public async Task Withdrawing_a_submitted_paper_writes_one_withdrawal_caused_by_the_submission()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        Assert.Equal(HttpStatusCode.OK, (await author.SubmitAsync(paper.Id)).StatusCode);
        var lastRowBefore = await LastOutboxRowIdAsync();

        var response = await author.WithdrawAsync(paper.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(await app.ReadAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id > lastRowBefore).ToListAsync()));
        var withdrawn = Assert.IsType<PositionPaperWithdrawn>(row.DeserializeEvent());
        var submittedEventId = (await app.FindPaperAsync(paper.Id)).Versions.Single().SubmittedEventId;
        Assert.Equal((row.MessageId, paper.Id, 1, (Guid?)submittedEventId), (withdrawn.EventId, withdrawn.PaperId, withdrawn.Version, withdrawn.CausationId));
    }

    private Task<long> LastOutboxRowIdAsync() =>
        app.ReadAsync(async db => await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0);
}
