using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Submissions.Papers;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    /// <summary>The papers list's name in storage (its counter row): stable, whatever the classes are called.</summary>
    public const string List = "papers";

    /// <summary>The working bodies' table in storage: stable, whatever the classes are called.</summary>
    public const string Bodies = "PaperBodies";

    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Organisation).HasMaxLength(InputBounds.Name);
        builder.Property(p => p.Title).HasMaxLength(InputBounds.Title);
        builder.Property(p => p.Summary).HasMaxLength(InputBounds.Summary);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Property(p => p.CreatedBy).HasMaxLength(ColumnLengths.Subject);
        // Apart from the row the list reads: on SQLite a body past a page overflows into a chain of pages that a read of
        // any later column walks. The paper still loads whole, joined to its body; the list's projection joins nothing.
        builder.SplitToTable(Bodies, body => body.Property(p => p.Body));
        builder.Ignore(p => p.Text);
        builder.Ignore(p => p.LatestSubmitted);
        // GET /api/papers in creation order: an author's own organisation's, or one consultation's.
        builder.IsListed(List)
            .HasListIndex(nameof(Paper.ConsultationId))
            .HasListIndex(nameof(Paper.Organisation));

        // EF Core 10 points the database's foreign keys to a paper at PaperBodies, whose ids are Papers' (dotnet/efcore#29915),
        // and a version's body row refers to the paper as the version does. The client cascades, not the database: SQL
        // Server refuses two cascade paths to PaperVersionBodies. No route deletes a paper; the aggregate still owns its versions.
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PaperId).OnDelete(DeleteBehavior.ClientCascade);
        builder.Navigation(p => p.Versions).AutoInclude();
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PaperId);
        builder.Navigation(p => p.Reviews).AutoInclude();
    }
}

internal sealed class PaperVersionConfiguration : IEntityTypeConfiguration<PaperVersion>
{
    /// <summary>The submitted bodies' table in storage: stable, whatever the classes are called.</summary>
    public const string Bodies = "PaperVersionBodies";

    public void Configure(EntityTypeBuilder<PaperVersion> builder)
    {
        builder.HasKey(v => new { v.PaperId, v.Number });
        // Apart, as the paper's working body is, from the row the list's subqueries read.
        builder.SplitToTable(Bodies, body => body.Property(v => v.Body));
        builder.Property(v => v.Title).HasMaxLength(InputBounds.Title);
        builder.Property(v => v.Summary).HasMaxLength(InputBounds.Summary);
        builder.Property(v => v.ContentHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        builder.Property(v => v.SubmittedBy).HasMaxLength(ColumnLengths.Subject);
        builder.Property(v => v.SubmittedByEmail).HasMaxLength(InputBounds.EmailAddress);
    }
}

internal sealed class PaperReviewConfiguration : IEntityTypeConfiguration<PaperReview>
{
    public void Configure(EntityTypeBuilder<PaperReview> builder)
    {
        builder.HasKey(r => new { r.PaperId, r.Version });
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(r => r.Comment).HasMaxLength(InputBounds.Comment);
    }
}
