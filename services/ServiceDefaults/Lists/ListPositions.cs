using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.ServiceDefaults.Lists;

/// <summary>
/// Where a row stands in its list (SPEC, "HTTP API": ordered by creation, an application-assigned increasing key, never
/// a GUID's database sort order, which differs between SQLite and SQL Server). <c>ListPosition</c> is a shadow column
/// the context fills when the row is added, from its list's <see cref="ListCounter"/>, incremented inside the row's own
/// transaction. The counter's row lock (SQL Server) or the write lock (SQLite) holds any other insert into the list
/// until this one commits, so positions commit in order: a reader past position p never later finds a row below p.
/// </summary>
public static class ListPositions
{
    public const string Column = "ListPosition";

    /// <summary>The model annotation naming an entity's list; also the counter's name, so never a CLR type's name.</summary>
    private const string ListAnnotation = "PolicyEngage:List";

    /// <summary>Puts the entity in the list <paramref name="list"/>: its position column, unique, and the list's counter row.</summary>
    public static EntityTypeBuilder<T> IsListed<T>(this EntityTypeBuilder<T> builder, string list) where T : class
    {
        if (builder.Metadata.FindProperty("Id")?.ClrType != typeof(Guid))
            throw new InvalidOperationException($"{typeof(T).Name} is listed, so its cursor is its Guid Id, which it lacks.");
        var counters = builder.Metadata.Model.FindEntityType(typeof(ListCounter))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is listed before ServiceDbContext.OnModelCreating configured the list counters.");
        builder.Property<long>(Column);
        builder.HasIndex(Column).IsUnique();
        builder.HasAnnotation(ListAnnotation, list);
        counters.AddData([new { Name = list, Last = 0L }]);
        return builder;
    }

    /// <summary>An index serving the list filtered by <paramref name="property"/>, in list order.</summary>
    public static EntityTypeBuilder<T> HasListIndex<T>(this EntityTypeBuilder<T> builder, string property) where T : class
    {
        builder.HasIndex(property, Column);
        return builder;
    }

    /// <summary>
    /// The rows of <paramref name="visible"/> in list order, after the one whose <c>Id</c> is <paramref name="after"/>;
    /// null when <paramref name="visible"/> holds no such row, so that a cursor never reveals a row its caller may not see.
    /// </summary>
    public static async Task<IQueryable<T>?> AfterAsync<T>(this IQueryable<T> visible, Guid? after, CancellationToken cancellationToken) where T : class
    {
        var rows = visible;
        if (after is { } id)
        {
            var position = await visible.Where(row => EF.Property<Guid>(row, "Id") == id)
                .Select(row => (long?)EF.Property<long>(row, Column)).FirstOrDefaultAsync(cancellationToken);
            if (position is null) return null;
            rows = rows.Where(row => EF.Property<long>(row, Column) > position);
        }
        return rows.OrderBy(row => EF.Property<long>(row, Column));
    }

    internal static List<EntityEntry> Unplaced(ChangeTracker tracker) =>
        tracker.Entries().Where(entry => entry.State == EntityState.Added && entry.Metadata.FindAnnotation(ListAnnotation) is not null).ToList();

    internal static async Task PlaceAsync(DbContext db, IReadOnlyList<EntityEntry> added, CancellationToken cancellationToken)
    {
        // Counters taken in one order, so that two saves adding to the same two lists cannot deadlock on them.
        foreach (var list in added.GroupBy(entry => (string)entry.Metadata.FindAnnotation(ListAnnotation)!.Value!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var count = list.Count();
            var counter = db.Set<ListCounter>().Where(c => c.Name == list.Key);
            if (await counter.ExecuteUpdateAsync(set => set.SetProperty(c => c.Last, c => c.Last + count), cancellationToken) != 1)
                throw new InvalidOperationException($"The list '{list.Key}' has no counter row; the migration that lists it seeds one.");
            var position = await counter.Select(c => c.Last).SingleAsync(cancellationToken) - count;
            // Rows added in one save commit together, so their order among themselves is the change tracker's.
            foreach (var entry in list) entry.Property(Column).CurrentValue = ++position;
        }
    }
}
