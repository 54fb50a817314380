using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Reviews.Tests.Support;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Reviews.Tests;

/// <summary>
/// A submission and the withdrawal of its paper reach their two consumers at the same instant, on the service's real
/// SQLite file: whichever commits first, the paper never keeps an open case.
/// </summary>
public sealed class WithdrawalRaceTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    private const int Rounds = 25;

    [Fact]
    public async Task A_submission_and_its_withdrawal_arriving_together_never_leave_an_open_case()
    {
        var stillOpen = new List<Guid>();
        for (var round = 0; round < Rounds; round++)
        {
            var submitted = PaperEvents.Submitted(Guid.CreateVersion7(), Guid.CreateVersion7(), 1, "acme");

            // Both published before either is consumed: the two consumers run side by side.
            await app.PublishAsync([submitted, PaperEvents.Withdrawn(submitted)]);

            var statuses = await app.ReadAsync(db => db.ReviewCases.Where(c => c.PaperId == submitted.PaperId).Select(c => c.Status).ToListAsync());
            Assert.Single(statuses);
            if (statuses[0] == ReviewCaseStatus.Open) stillOpen.Add(submitted.PaperId);
        }

        Assert.True(stillOpen.Count == 0, $"{stillOpen.Count} of {Rounds} withdrawn papers kept an open case: {string.Join(", ", stillOpen)}");
    }
}
