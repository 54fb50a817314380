namespace PolicyEngage.Testing.Services;

/// <summary>
/// On the in-memory bus a message has no AMQP <c>user_id</c>; tests that need its producer name it in this header, and
/// the consuming service's test set-up reads it there in place of the broker's word.
/// </summary>
public static class TestPublisher
{
    public const string Header = "PolicyEngage-Test-Publisher";
}
