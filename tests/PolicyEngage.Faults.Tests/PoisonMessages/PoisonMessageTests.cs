using System.Globalization;
using System.Text;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.Testing;
using static PolicyEngage.Faults.Tests.Support.ConsultationSteps;
using PolicyEngage.Faults.Tests.Support;

namespace PolicyEngage.Faults.Tests.PoisonMessages;

/// <summary>
/// Scenario 4, poison message: a message Reviews can never consume is retried as far as retrying can help, then
/// parked in its queue's <c>_error</c> queue while the messages behind it keep flowing; deploy/local/requeue-errors.sh
/// moves what is parked back to the queue, and nothing is lost or applied twice on the way.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class PoisonMessageTests(RunningSystem system)
{
    private const string Queue = "reviews-position-paper-submitted";
    private const string ErrorQueue = Queue + "_error";

    /// <summary>A header of our own on every message we put on the queue: headers must survive every move.</summary>
    private const string ScenarioHeader = "PolicyEngage-Faults-Case";

    [Fact]
    public async Task A_poison_message_is_parked_the_messages_behind_it_flow_and_requeue_errors_moves_parked_messages_back()
    {
        try
        {
            await RunScenarioAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new Exception($"{exception.Message}\n\nProcess logs:\n{system.Logs()}", exception);
        }
    }

    private async Task RunScenarioAsync()
    {
        var queues = new VirtualHostQueues(system.Broker.VirtualHost);
        var api = system.Client();
        var liaison = await api.SignInAsync("liaison-faults", "LiaisonOfficer");
        var author = await api.SignInAsync("author-acme", "PolicyAuthor", org: "acme");
        var reviewer = await api.SignInAsync("reviewer-globex", "Reviewer", org: "globex");
        var consultationId = await OpenConsultationAsync(liaison);
        await queues.WaitForQueueAsync(Queue);

        // Two poison messages, then an ordinary submission queued behind them.
        var unreadable = Guid.NewGuid();
        var hollow = Guid.NewGuid();
        var poisonedAt = DateTime.UtcNow;
        await queues.PublishAsync(Queue, unreadable.ToString(), Encoding.UTF8.GetBytes("{ this is not a MassTransit envelope"), Marked("unreadable"));
        await queues.PublishAsync(Queue, hollow.ToString(), HollowSubmission(hollow), Marked("hollow"), userId: "Submissions");
        var paperBehind = await SubmitPaperAsync(author, consultationId, "Submitted behind two poison messages");

        Assert.Single(await AwaitOpenCasesAsync(reviewer, paperBehind));
        var parked = await AwaitParkedAsync(queues, poisonedAt, unreadable, hollow);
        // An envelope that is not JSON cannot be read, and no retry would change that: parked at once.
        Assert.Null(parked[unreadable].Header("MT-Fault-RetryCount"));
        Assert.Contains("Json", parked[unreadable].Header("MT-Fault-ExceptionType"));
        // A readable submission without a paper fails in the consumer every time: retried RetryLimit (5) times first.
        Assert.Equal("5", parked[hollow].Header("MT-Fault-RetryCount"));
        Assert.Equal(typeof(PositionPaperSubmitted).FullName, parked[hollow].Header("MT-Fault-MessageType"));
        // Reviews may not publish under Submissions' user_id: it parks the message without it, naming the producer.
        Assert.Null(parked[hollow].UserId);
        Assert.Equal("Submissions", parked[hollow].Header("PolicyEngage-Producer"));
        using (var reviews = new HttpClient { BaseAddress = system.Service("Reviews").BaseAddress })
            Assert.True((await reviews.GetAsync("/health/ready")).IsSuccessStatusCode, "Reviews is not ready after parking two poison messages.");

        // A sound submission parked after its retries for a passing reason (its database was locked throughout)
        // waits in the error queue beside them, as MassTransit would have left it there.
        var stranded = Guid.NewGuid();
        var strandedPaper = Guid.CreateVersion7();
        await queues.PublishAsync(ErrorQueue, stranded.ToString(), SoundSubmission(stranded, consultationId, strandedPaper), ParkedAfterRetries("stranded"));

        var requeuedAt = DateTime.UtcNow;
        var result = await RequeueErrorsCommand.RunAsync(Queue, queues.Name);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Moved 3 messages", result.Output);

        // The sound message is consumed once; the poison ones fail again and come back, each once, headers intact.
        Assert.Single(await AwaitOpenCasesAsync(reviewer, strandedPaper));
        var returned = await AwaitParkedAsync(queues, requeuedAt, unreadable, hollow);
        Assert.Equal("5", returned[hollow].Header("MT-Fault-RetryCount"));
        Assert.Equal("hollow", returned[hollow].Header(ScenarioHeader));
        Assert.Equal("Submissions", returned[hollow].Header("PolicyEngage-Producer"));
        Assert.Equal("unreadable", returned[unreadable].Header(ScenarioHeader));
        Assert.Single(await AwaitOpenCasesAsync(reviewer, strandedPaper));
    }

    /// <summary>
    /// Waits until the error queue holds exactly these messages, each parked (again) after <paramref name="since"/>:
    /// nothing lost, nothing duplicated, nothing else.
    /// </summary>
    private static async Task<Dictionary<Guid, QueuedMessage>> AwaitParkedAsync(VirtualHostQueues queues, DateTime since, params Guid[] messageIds)
    {
        var expected = messageIds.Select(id => id.ToString()).Order().ToArray();
        var parked = await Waiting.UntilAsync(
            () => queues.PeekAsync(ErrorQueue),
            messages => messages.Select(m => m.MessageId).Order().SequenceEqual(expected) && messages.All(m => FaultedAt(m) > since),
            $"exactly {string.Join(", ", expected)} in {ErrorQueue}, parked after {since:O}");
        Assert.All(parked, message => Assert.Equal(MassTransitEnvelope.ContentType, message.ContentType));
        return parked.ToDictionary(message => Guid.Parse(message.MessageId!));
    }

    private static DateTime FaultedAt(QueuedMessage message) =>
        message.Header("MT-Fault-Timestamp") is { } timestamp
            ? DateTime.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : DateTime.MinValue;

    /// <summary>A well-formed envelope whose submission names no paper: every field the consumer stores is missing.</summary>
    private static byte[] HollowSubmission(Guid messageId) =>
        MassTransitEnvelope.Of<PositionPaperSubmitted>(messageId, new { eventId = messageId, occurredAt = DateTime.UtcNow, actor = "faults-test" });

    private static byte[] SoundSubmission(Guid messageId, Guid consultationId, Guid paperId)
    {
        const string title = "Parked while the database was locked", summary = "A sound submission.", body = "Its text.";
        return MassTransitEnvelope.Of<PositionPaperSubmitted>(messageId, new PositionPaperSubmitted(
            consultationId, paperId, 1, Sha256Hex.OfCanonicalJson(new { title, summary, body }), "acme", title, summary, body)
        {
            EventId = messageId,
            OccurredAt = DateTime.UtcNow,
            Actor = "author-acme",
        });
    }

    private static Dictionary<string, object?> Marked(string scenario) => new() { [ScenarioHeader] = scenario };

    private static Dictionary<string, object?> ParkedAfterRetries(string scenario) => new(Marked(scenario))
    {
        ["MT-Reason"] = "fault",
        ["MT-Fault-ExceptionType"] = "Microsoft.Data.Sqlite.SqliteException",
        ["MT-Fault-Message"] = "SQLite Error 5: 'database is locked'.",
        ["MT-Fault-RetryCount"] = 5,
        ["MT-Fault-Timestamp"] = DateTime.UtcNow.AddMinutes(-5).ToString("O"),
    };
}
