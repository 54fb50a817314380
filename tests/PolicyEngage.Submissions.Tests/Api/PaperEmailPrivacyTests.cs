using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary>
/// The submitter's address is kept, and used for mail, but appears in no event (the ledger keeps events forever) and in
/// no answer, to the author or to anyone else.
/// </summary>
public sealed class PaperEmailPrivacyTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    private const string Address = "ann.private@acme.example";

    [Fact]
    public async Task The_submitters_address_is_kept_for_mail_and_is_in_no_event_and_no_answer()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme", subject: "ann", email: Address);
        var reviewer = app.ClientAs(Roles.Reviewer, "globex", email: "rob@globex.example");
        var auditor = app.ClientAs(Roles.Auditor);
        var consultation = await app.OpenConsultationAsync();
        var (paper, _) = await author.CreateAsync(consultation.Id);
        var submitted = await PapersClient.PaperOf(await author.SubmitAsync(paper.Id));
        var withdrawnOne = (await author.CreateAsync(consultation.Id, "Second thoughts")).Paper;
        await author.SubmitAsync(withdrawnOne.Id);
        await author.WithdrawAsync(withdrawnOne.Id);
        await app.PublishAsync(ReviewEvents.Completed(consultation.Id, paper.Id, 1, ReviewOutcome.Approve, submitted.ContentHash), fromService: "Reviews");

        // Kept, and used: without these the rest would prove nothing.
        Assert.Equal(Address, await app.ReadAsync(db => db.Set<Papers.PaperVersion>().Where(v => v.PaperId == paper.Id).Select(v => v.SubmittedByEmail).SingleAsync()));
        Assert.Equal(Address, (await app.ReadAsync(db => db.OutgoingMails.SingleAsync(m => m.MessageId.StartsWith("decision.")))).Recipient);

        var bodies = await app.ReadAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Body).ToListAsync());
        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.DoesNotContain("@acme.example", body));

        foreach (var (client, route) in new[]
        {
            (author, $"/api/papers/{paper.Id}"),
            (author, $"/api/papers/{paper.Id}/versions"),
            (author, $"/api/papers?consultationId={consultation.Id}"),
            (author, $"/api/papers/{withdrawnOne.Id}"),
            (reviewer, $"/api/papers/{paper.Id}"),
            (reviewer, $"/api/papers/{paper.Id}/versions"),
            (reviewer, $"/api/papers?consultationId={consultation.Id}"),
            (auditor, $"/api/papers/{paper.Id}/versions"),
            (auditor, "/api/papers"),
        })
        {
            using var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("@acme.example", body);
            Assert.DoesNotContain("email", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
