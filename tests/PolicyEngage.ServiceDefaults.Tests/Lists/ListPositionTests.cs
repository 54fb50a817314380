using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Lists;

/// <summary>Positions given by the context on a real SQLite file, each writer and the reader on a connection of its own.</summary>
public sealed class ListPositionTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public ListPositionTests()
    {
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Rows_added_by_many_writers_at_once_are_numbered_one_to_n_and_a_reader_paging_meanwhile_meets_each_once()
    {
        const int writers = 6, savesEach = 20;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = Enumerable.Range(0, writers).Select(async writer =>
        {
            await go.Task;
            for (var save = 0; save < savesEach; save++)
            {
                await using var db = Open();
                // Every third save adds two rows at once: they take consecutive positions together.
                db.Items.Add(CatalogueItem.Named($"w{writer}-s{save}-a"));
                if (save % 3 == 0) db.Items.Add(CatalogueItem.Named($"w{writer}-s{save}-b"));
                await db.SaveChangesAsync();
            }
        }).ToList();
        var seen = new List<Guid>();
        var reading = Task.Run(async () =>
        {
            await go.Task;
            Guid? last = null;
            while (true)
            {
                var done = writing.All(w => w.IsCompleted);
                await using var db = Open();
                var page = await (await db.Items.AfterAsync(last, CancellationToken.None))!.Take(5).Select(i => i.Id).ToListAsync();
                seen.AddRange(page);
                if (page.Count > 0) last = page[^1];
                else if (done) return;
            }
        });

        go.SetResult();
        await Task.WhenAll(writing);
        await reading;

        var total = writers * (savesEach + (savesEach + 2) / 3);
        Assert.Equal(Enumerable.Range(1, total).Select(p => (long)p), await PositionsAsync());
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        await using var check = Open();
        Assert.Equal(total, (await check.ListCounters.SingleAsync(c => c.Name == CatalogueDbContext.List)).Last);
    }

    [Fact]
    public async Task A_save_that_fails_takes_no_position_and_the_next_row_follows_on()
    {
        await AddAsync(CatalogueItem.Named("first"));

        await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(CatalogueItem.Named("first")));
        await AddAsync(CatalogueItem.Named("second"));

        await using var db = Open();
        var rows = await db.Items.OrderBy(i => i.Name).Select(i => new { i.Name, Position = EF.Property<long>(i, ListPositions.Column) }).ToListAsync();
        Assert.Equal([("first", 1L), ("second", 2L)], rows.Select(r => (r.Name, r.Position)));
    }

    [Fact]
    public async Task A_cursor_names_a_row_the_caller_sees_or_is_unknown()
    {
        var (left, right) = (CatalogueItem.Named("left", shelf: 1), CatalogueItem.Named("right", shelf: 2));
        await AddAsync(left);
        await AddAsync(right);
        await using var db = Open();
        var shelfOne = db.Items.Where(i => i.Shelf == 1);

        Assert.Null(await shelfOne.AfterAsync(right.Id, CancellationToken.None));
        Assert.Null(await shelfOne.AfterAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Empty(await (await shelfOne.AfterAsync(left.Id, CancellationToken.None))!.ToListAsync());
        Assert.Equal([right.Id], await (await db.Items.AfterAsync(left.Id, CancellationToken.None))!.Select(i => i.Id).ToListAsync());
    }

    private CatalogueDbContext Open() => CatalogueDbContext.Open(_folder.File("catalogue.db"));

    private async Task AddAsync(CatalogueItem item)
    {
        await using var db = Open();
        db.Items.Add(item);
        await db.SaveChangesAsync();
    }

    private async Task<List<long>> PositionsAsync()
    {
        await using var db = Open();
        return await db.Items.Select(i => EF.Property<long>(i, ListPositions.Column)).OrderBy(p => p).ToListAsync();
    }
}
