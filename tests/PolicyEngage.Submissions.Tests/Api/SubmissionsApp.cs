using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary>
/// The Submissions service in memory as Development runs it: its own SQLite file, MassTransit's in-memory harness
/// instead of RabbitMQ, development tokens. Each test class gets its own instance, so row counts are its own.
/// </summary>
public sealed class SubmissionsApp : WebApplicationFactory<Program>
{
    private readonly TempDirectory _files = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // No pooling, so no connection keeps the file open once the app stops.
        builder.UseSetting("ConnectionStrings:submissions", $"Data Source={_files.File("submissions.db")};Pooling=False");
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public HttpClient ClientAs(string role, string? organisation = null, string subject = "user-1", Guid? regulator = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(role, subject, organisation, regulator));
        return client;
    }

    /// <summary>Stores the consultation replica as <see cref="ConsultationOpenedConsumer"/> would from RegulatorLiaison's event.</summary>
    public async Task<ConsultationReplica> OpenConsultationAsync()
    {
        var now = DateTime.UtcNow;
        var opened = new ConsultationOpened(Guid.CreateVersion7(), Guid.CreateVersion7(), "REG-API-01", "Metaverse privacy", "Call for positions", now.AddDays(30))
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            Actor = "liaison-1",
        };
        var consultation = ConsultationReplica.Opened(opened);
        await WriteAsync(db => db.Consultations.Add(consultation));
        return consultation;
    }

    public async Task<T> ReadAsync<T>(Func<SubmissionsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SubmissionsDbContext>());
    }

    public Task<Paper> FindPaperAsync(Guid id) => ReadAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == id));

    public Task<RowCounts> CountRowsAsync() => ReadAsync(async db => new RowCounts(
        await db.Papers.CountAsync(),
        await db.Set<PaperVersion>().CountAsync(),
        await db.OutboxMessages.CountAsync()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }

    private async Task WriteAsync(Action<SubmissionsDbContext> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubmissionsDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}

public sealed record RowCounts(int Papers, int PaperVersions, int OutboxMessages);
