using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Messaging.Broker;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

public sealed class BrokerUserTests
{
    [Fact]
    public void A_service_logs_in_as_the_user_named_after_it_unless_told_otherwise()
    {
        Assert.Equal("Reviews", BrokerUser.Of(new RabbitMqOptions { Password = "p" }, Environment("PolicyEngage.Reviews", Environments.Production)).Name);
        Assert.Equal("someone", BrokerUser.Of(new RabbitMqOptions { Username = "someone", Password = "p" }, Environment("PolicyEngage.Reviews", Environments.Production)).Name);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_a_service_without_a_broker_password_refuses_to_start(string environment)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => BrokerUser.Of(new RabbitMqOptions(), Environment("PolicyEngage.Audit", environment)));

        Assert.Contains($"Refusing to start in {environment} without RabbitMq:Password for broker user 'Audit'", refusal.Message);
    }

    [Fact]
    public void In_Development_the_password_is_the_one_the_local_broker_setup_gives_the_user()
    {
        var user = BrokerUser.Of(new RabbitMqOptions(), Environment("PolicyEngage.Submissions", Environments.Development));

        Assert.Equal(new BrokerUser("Submissions", "Submissions-development"), user);
        Assert.Contains("\"$user-development\"", File.ReadAllText(Path.Combine(Testing.RepositoryRoot.Path, "deploy", "local", "rabbitmq.sh")));
    }

    private static HostingEnvironment Environment(string application, string name) => new() { ApplicationName = application, EnvironmentName = name };
}
