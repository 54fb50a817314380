using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Regulators;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>Regulators and consultations as the service's own types build them.</summary>
public static class Sample
{
    public static readonly DateTime Now = new(2026, 3, 2, 9, 30, 15, DateTimeKind.Utc);

    public static Regulator NewRegulator() => Regulator.Register("Data Protection Board", "EU", "officer-1", Now);

    public static Consultation OpenConsultation(Regulator? regulator = null) =>
        Consultation.Open(regulator ?? NewRegulator(), "DPB-2026-01", "Avatars and biometrics", "How should avatars use biometric data?",
            Now.AddDays(30), "officer-1", Now);

    public static Consultation ClosedConsultation()
    {
        var consultation = OpenConsultation();
        consultation.Close("officer-1", ConsultationCloseReason.ClosedByOfficer, Now.AddDays(1));
        return consultation;
    }
}
