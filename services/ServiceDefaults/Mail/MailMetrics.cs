using System.Diagnostics.Metrics;

namespace PolicyEngage.ServiceDefaults.Mail;

public sealed class MailMetrics
{
    public const string MeterName = "PolicyEngage.Mail";
    public const string WaitingGauge = "policyengage.mail.waiting";
    public const string ParkedGauge = "policyengage.mail.parked";
    public const string SentCounter = "policyengage.mail.sent";
    public const string FailuresCounter = "policyengage.mail.failures";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failures;
    private long _waiting;
    private long _parked;

    public MailMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _sent = meter.CreateCounter<long>(SentCounter, unit: "{mail}", description: "Mails the SMTP server accepted.");
        _failures = meter.CreateCounter<long>(FailuresCounter, unit: "{mail}",
            description: "Attempts that failed (refused, or no server); a mail is parked after Smtp:MaxAttempts.");
        meter.CreateObservableGauge(WaitingGauge, () => Volatile.Read(ref _waiting), unit: "{mail}", description: "Mails neither sent nor parked.");
        meter.CreateObservableGauge(ParkedGauge, () => Volatile.Read(ref _parked), unit: "{mail}",
            description: "Mails parked after Smtp:MaxAttempts failures; each needs an operator.");
    }

    public void Sent() => _sent.Add(1);

    public void Failed() => _failures.Add(1);

    public void Backlog(long waiting, long parked)
    {
        Volatile.Write(ref _waiting, waiting);
        Volatile.Write(ref _parked, parked);
    }
}
