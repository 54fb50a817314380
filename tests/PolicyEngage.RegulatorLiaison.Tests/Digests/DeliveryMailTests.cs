using MassTransit;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests;

/// <summary>The mail a delivered digest queues for its regulator's contact address, in the reservation consumer's transaction.</summary>
public sealed class DeliveryMailTests : IAsyncLifetime
{
    private ConsumerHarness<RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext> _consumers = null!;

    public async Task InitializeAsync() =>
        _consumers = await ConsumerHarness<RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext>.StartAsync(
            bus => bus.AddConsumer<DigestPapersReservedConsumer>());

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task A_delivered_digest_queues_one_mail_to_the_regulators_contact_with_its_hash_link_and_how_to_acknowledge()
    {
        var digest = await SeedDeliveringDigestAsync(Sample.NewRegulator("desk@dpb.example"));

        await _consumers.DeliverAsync(Sample.Reserved(digest), times: 2);

        var delivered = await _consumers.ReadAsync(db => db.Digests.AsNoTracking().SingleAsync(d => d.Id == digest.Id));
        Assert.Equal(DigestStatus.Delivered, delivered.Status);
        var mail = Assert.Single(await MailsAsync());
        Assert.Equal("desk@dpb.example", mail.Recipient);
        Assert.Equal($"digest-delivered.{delivered.DeliveredEventId:N}@policyengage.local", mail.MessageId);
        Assert.Equal("Digest delivered: DPB-2026-01 Avatars and biometrics / 摘要已送达：DPB-2026-01 Avatars and biometrics", mail.Subject);
        Assert.Contains($"Content hash (SHA-256): {digest.ContentHash}", mail.TextBody);
        Assert.Contains($"内容哈希值（SHA-256）：{digest.ContentHash}", mail.TextBody);
        Assert.Contains($"/api/digests/{digest.Id}/acknowledge", mail.TextBody);
        Assert.Contains($"http://127.0.0.1:8080/digests/{digest.Id}", mail.TextBody);
    }

    [Fact]
    public async Task A_regulator_without_a_contact_address_gets_its_digest_delivered_and_no_mail()
    {
        var digest = await SeedDeliveringDigestAsync(Sample.NewRegulator());

        await _consumers.DeliverAsync(Sample.Reserved(digest));

        Assert.Equal(DigestStatus.Delivered, await _consumers.ReadAsync(db => db.Digests.Where(d => d.Id == digest.Id).Select(d => d.Status).SingleAsync()));
        Assert.Empty(await MailsAsync());
    }

    private Task<List<OutgoingMail>> MailsAsync() => _consumers.ReadAsync(db => db.OutgoingMails.AsNoTracking().ToListAsync());

    private async Task<Digest> SeedDeliveringDigestAsync(Regulator regulator)
    {
        var consultation = Sample.ClosedConsultation(regulator);
        var digest = Sample.CompiledDigest(consultation);
        digest.RequestDelivery(new HashSet<Guid>(), "officer-1", Sample.Now.AddDays(2));
        await _consumers.WriteAsync(db =>
        {
            db.Regulators.Add(regulator);
            db.Consultations.Add(consultation);
            db.Digests.Add(digest);
        });
        return digest;
    }
}
