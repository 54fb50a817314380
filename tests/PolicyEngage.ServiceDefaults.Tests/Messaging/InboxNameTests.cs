using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>Inbox rows are keyed by a declared name: a consumer without one is refused, and the services' name check can fail.</summary>
public sealed class InboxNameTests
{
    [Fact]
    public async Task A_consumer_without_a_declared_name_is_refused_and_applies_nothing()
    {
        using var files = new TempDirectory();
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<RegistryDbContext>(db => db.UseSqlite($"Data Source={files.File("registry.db")}"))
            .AddMassTransitTestHarness(bus => bus.AddConsumer<UnnamedConsumer>())
            .BuildServiceProvider(validateScopes: true);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Database.EnsureCreatedAsync();
        var harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();

        var registered = new RegulatorRegistered(Guid.NewGuid(), "Ofcom", "UK") { EventId = Guid.NewGuid(), OccurredAt = DateTime.UtcNow, Actor = "test" };
        await harness.Bus.Publish(registered, context => context.MessageId = registered.EventId);

        var consumed = await harness.GetConsumerHarness<UnnamedConsumer>().Consumed.SelectAsync<RegulatorRegistered>().First();
        var refusal = Assert.IsType<InvalidOperationException>(consumed.Exception);
        Assert.Contains($"{typeof(UnnamedConsumer).FullName} declares no [InboxName", refusal.Message);
        await harness.Stop();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            Assert.Equal(0, await db.InboxMessages.CountAsync());
            Assert.Equal(0, await db.RegistrationsSeen.CountAsync());
        }
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void The_name_check_reports_a_consumer_without_a_name_and_a_name_two_consumers_share_whatever_its_case()
    {
        var problems = InboxConsumerNames.Problems([typeof(RegistrationSeenConsumer), typeof(UnnamedConsumer), typeof(FirstTwinConsumer), typeof(SecondTwinConsumer)]);

        Assert.Equal(
            [
                $"{typeof(UnnamedConsumer).FullName} declares no [InboxName]",
                $"'twin' is declared by {typeof(FirstTwinConsumer).FullName}, {typeof(SecondTwinConsumer).FullName}",
            ],
            problems);
    }

    [Fact]
    public void The_name_check_passes_consumers_with_distinct_names() =>
        Assert.Empty(InboxConsumerNames.Problems([typeof(RegistrationSeenConsumer), typeof(FirstTwinConsumer)]));

    [Fact]
    public void The_consumer_check_reports_a_bare_consumer_and_passes_the_inbox_consumers() =>
        Assert.Equal([typeof(DeliveryCounter).FullName!], InboxConsumerNames.ConsumersBesideTheInboxIn(typeof(DeliveryCounter).Assembly));
}

public sealed class UnnamedConsumer(RegistryDbContext db, TimeProvider clock) : InboxConsumer<RegulatorRegistered>(db, clock)
{
    protected override Task Apply(RegulatorRegistered message, CancellationToken cancellationToken)
    {
        db.RegistrationsSeen.Add(new RegistrationSeen { RegulatorId = message.RegulatorId });
        return Task.CompletedTask;
    }
}

[InboxName("twin")]
public sealed class FirstTwinConsumer(RegistryDbContext db, TimeProvider clock) : InboxConsumer<RegulatorRegistered>(db, clock)
{
    protected override Task Apply(RegulatorRegistered message, CancellationToken cancellationToken) => Task.CompletedTask;
}

[InboxName("Twin")]
public sealed class SecondTwinConsumer(RegistryDbContext db, TimeProvider clock) : InboxConsumer<RegulatorRegistered>(db, clock)
{
    protected override Task Apply(RegulatorRegistered message, CancellationToken cancellationToken) => Task.CompletedTask;
}
