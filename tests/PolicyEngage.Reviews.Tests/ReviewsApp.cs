using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Testing;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Reviews.Tests;

/// <summary>The Reviews service in memory: its own SQLite file, MassTransit's in-memory bus instead of RabbitMQ, development tokens.</summary>
public sealed class ReviewsApp : WebApplicationFactory<Program>
{

    private readonly ReviewsDatabase _database = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:reviews", _database.ConnectionString);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public HttpClient ClientAs(string role, string? organisation = null, string subject = "user-1")
    {
        var token = TestTokens.Issue(role, subject, organisation);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Opens a case as the submission consumer would, optionally already withdrawn.</summary>
    public async Task<ReviewCase> OpenCaseAsync(string organisation = "acme", DateTime? openedAt = null, bool withdrawn = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(organisation: organisation), openedAt ?? DateTime.UtcNow);
        if (withdrawn) reviewCase.MarkWithdrawn();
        db.ReviewCases.Add(reviewCase);
        await db.SaveChangesAsync();
        return reviewCase;
    }

    public async Task<ReviewCase?> FindCaseAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewsDbContext>().ReviewCases.FindAsync(id);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
