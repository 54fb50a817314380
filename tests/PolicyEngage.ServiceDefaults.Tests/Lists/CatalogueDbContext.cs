using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Tests.Lists;

/// <summary>A service database with one list: items with a unique name, so that a test can make a save fail.</summary>
public sealed class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options) : ServiceDbContext(options)
{
    public const string List = "catalogue-items";

    public DbSet<CatalogueItem> Items => Set<CatalogueItem>();

    public static CatalogueDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var items = modelBuilder.Entity<CatalogueItem>();
        items.HasKey(i => i.Id);
        items.HasIndex(i => i.Name).IsUnique();
        items.IsListed(List).HasListIndex(nameof(CatalogueItem.Shelf));
    }
}

public sealed class CatalogueItem
{
    private CatalogueItem() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Shelf { get; private set; }

    /// <summary>Ids of version 4: random, so that their order says nothing of when the items were added.</summary>
    public static CatalogueItem Named(string name, int shelf = 0) => new() { Id = Guid.NewGuid(), Name = name, Shelf = shelf };
}
