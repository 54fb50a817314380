using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests.Support;

/// <summary>The Reviews service in memory: its own SQLite file, MassTransit's in-memory bus instead of RabbitMQ, development tokens.</summary>
public sealed class ReviewsApp() : ServiceApp<Program, ReviewsDbContext, SqliteReviewsDbContext>("ConnectionStrings:reviews")
{
    /// <summary>Opens a case as the submission consumer would, optionally already withdrawn.</summary>
    public async Task<ReviewCase> OpenCaseAsync(string organisation = "acme", DateTime? openedAt = null, bool withdrawn = false, Guid? consultationId = null)
    {
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(consultationId, organisation: organisation), openedAt ?? DateTime.UtcNow);
        if (withdrawn) reviewCase.MarkWithdrawn();
        await WriteAsync(db => db.ReviewCases.Add(reviewCase));
        return reviewCase;
    }

    public Task<ReviewCase?> FindCaseAsync(Guid id) => ReadAsync(db => db.ReviewCases.FindAsync(id).AsTask());
}
