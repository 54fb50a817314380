using System.Reflection;

namespace PolicyEngage.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// The name an inbox consumer's rows are keyed by, unique within its service. It is declared rather than taken from
/// the CLR type so that renaming or moving a class cannot make an applied message look new; once rows exist under
/// a name, changing it needs a migration that carries them over.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InboxNameAttribute : Attribute
{
    public InboxNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>The name <paramref name="consumerType"/> declares; read by reflection, so no consumer is constructed.</summary>
    public static string Of(Type consumerType) =>
        consumerType.GetCustomAttribute<InboxNameAttribute>(inherit: false)?.Name
        ?? throw new InvalidOperationException(
            $"{consumerType.FullName ?? consumerType.Name} declares no [InboxName(\"...\")]: an inbox consumer keys its rows " +
            "by a stable declared name, never by its CLR type name.");
}
