namespace PolicyEngage.Testing.Mail;

/// <summary>
/// The whole system as <see cref="RunningSystem"/> starts it, with a real <see cref="SmtpReceiver"/> that Submissions and
/// RegulatorLiaison send their mail to, quickly (a short poll, and a claim that lapses in seconds so that a killed relay's
/// mail is taken up again soon), and any <see cref="Settings"/> of the test's own on top (a failpoint, say).
/// </summary>
public class MailingSystem : RunningSystem
{
    private static readonly string[] Senders = ["Submissions", "RegulatorLiaison"];

    /// <summary>Settings of one program's processes, by program name, on top of the mail settings.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Settings { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public SmtpReceiver Smtp { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override IReadOnlyDictionary<string, string> EnvironmentOf(string program)
    {
        var environment = new Dictionary<string, string>(base.EnvironmentOf(program));
        if (Senders.Contains(program))
        {
            environment["Smtp__Host"] = "127.0.0.1";
            environment["Smtp__Port"] = Smtp.Port.ToString();
            environment["Smtp__From"] = "PolicyEngage <no-reply@policyengage.test>";
            environment["Smtp__PollInterval"] = "00:00:00.200";
            environment["Smtp__ClaimDuration"] = "00:00:03";
        }
        foreach (var (key, value) in Settings.GetValueOrDefault(program) ?? new Dictionary<string, string>()) environment[key] = value;
        return environment;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
    }
}
