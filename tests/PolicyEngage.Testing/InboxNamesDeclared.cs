using System.Reflection;
using MassTransit;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using Xunit;

namespace PolicyEngage.Testing;

/// <summary>
/// Every inbox consumer of a service declares the name its inbox rows are keyed by, and no two share one (they would
/// skip each other's messages). Each service's test project derives this once, naming a type of the service assembly.
/// </summary>
public abstract class InboxNamesDeclared<TServiceAssemblyMarker>
{
    [Fact]
    public void The_service_has_inbox_consumers() =>
        Assert.NotEmpty(InboxConsumerNames.ConsumersIn(typeof(TServiceAssemblyMarker).Assembly));

    [Fact]
    public void Every_inbox_consumer_declares_a_name_no_other_consumer_of_the_service_uses() =>
        Assert.Empty(InboxConsumerNames.Problems(InboxConsumerNames.ConsumersIn(typeof(TServiceAssemblyMarker).Assembly)));

    /// <summary>A bare <c>IConsumer&lt;T&gt;</c> would apply redeliveries twice and escape the inbox's lag and duplicate metrics.</summary>
    [Fact]
    public void Every_consumer_of_the_service_is_an_inbox_consumer() =>
        Assert.Empty(InboxConsumerNames.ConsumersBesideTheInboxIn(typeof(TServiceAssemblyMarker).Assembly));
}

/// <summary>Reads the declared inbox names by reflection: no consumer is constructed.</summary>
public static class InboxConsumerNames
{
    public static IReadOnlyList<Type> ConsumersIn(Assembly assembly) =>
        assembly.GetTypes().Where(type => !type.IsAbstract && IsInboxConsumer(type)).ToList();

    public static IReadOnlyList<string> ConsumersBesideTheInboxIn(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => !type.IsAbstract && !IsInboxConsumer(type) && type.GetInterfaces().Any(IsConsumerInterface))
            .Select(type => type.FullName ?? type.Name)
            .ToList();

    private static bool IsConsumerInterface(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IConsumer<>);

    /// <summary>
    /// One line per consumer without a declared name and per name two or more consumers share. Names differing only
    /// in case are the same name: SQL Server's default collation compares the inbox key that way.
    /// </summary>
    public static IReadOnlyList<string> Problems(IEnumerable<Type> consumers)
    {
        var declared = consumers.Select(type => (Type: type, Name: type.GetCustomAttribute<InboxNameAttribute>(inherit: false)?.Name)).ToList();
        var unnamed = declared.Where(c => c.Name is null).Select(c => $"{c.Type.FullName} declares no [InboxName]");
        var shared = declared.Where(c => c.Name is not null)
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => $"'{group.Key}' is declared by {string.Join(", ", group.Select(c => c.Type.FullName))}");
        return [.. unnamed, .. shared];
    }

    private static bool IsInboxConsumer(Type type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            if (baseType.IsGenericType && baseType.GetGenericTypeDefinition() == typeof(InboxConsumer<>)) return true;
        return false;
    }
}
