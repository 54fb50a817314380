namespace PolicyEngage.Bench;

/// <summary>
/// The figures as they are measured, each printed at once; a figure that fails is a row saying how, and the run goes on
/// to the next. The table lists them in figure order, whatever order they ran in (a figure's rows in their own order).
/// </summary>
internal sealed class ResultsTable
{
    private readonly List<ResultRow> _rows = [];

    public async Task MeasureAsync(string figure, Func<Task<IReadOnlyList<ResultRow>>> measure)
    {
        Console.WriteLine($"[bench] {figure}…");
        IReadOnlyList<ResultRow> rows;
        try
        {
            rows = await measure();
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"[bench] {figure} failed: {exception}");
            rows = [ResultRow.Failed(figure, exception)];
        }
        foreach (var row in rows) Console.WriteLine($"[bench] {row.Line()}");
        _rows.AddRange(rows);
    }

    public IEnumerable<string> Lines() =>
        new[] { ResultRow.Header, ResultRow.Rule }.Concat(_rows.OrderBy(r => r.Figure.Split(' ')[0], StringComparer.Ordinal).Select(r => r.Line()));
}
