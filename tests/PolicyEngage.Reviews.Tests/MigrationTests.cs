using PolicyEngage.Reviews.Data;
using PolicyEngage.Testing;

namespace PolicyEngage.Reviews.Tests;

public sealed class MigrationTests : MigrationSetsInStep<ReviewsSqlServerDesignTimeFactory, ReviewsSqliteDesignTimeFactory>
{
    [Fact]
    public void The_SQL_Server_set_keeps_one_case_per_paper_version()
    {
        Assert.Contains("CREATE UNIQUE INDEX [IX_ReviewCases_PaperId_PaperVersion]", SqlServerScript());
    }

    [Fact]
    public void The_SQL_Server_set_numbers_existing_cases_in_statements_of_their_own_before_their_positions_are_unique()
    {
        var script = SqlServerScript();

        var numbering = script.IndexOf("EXEC(N'UPDATE t SET ListPosition = r.Position FROM ReviewCases AS t JOIN (SELECT Id, ROW_NUMBER() OVER (ORDER BY OpenedAt, Id)", StringComparison.Ordinal);
        Assert.True(numbering > 0, "the SQL Server set does not number existing review cases");
        Assert.True(numbering < script.IndexOf("CREATE UNIQUE INDEX [IX_ReviewCases_ListPosition]", StringComparison.Ordinal));
        Assert.Contains("EXEC(N'UPDATE ListCounters SET Last = (SELECT COUNT(*) FROM ReviewCases) WHERE Name = ''review-cases'';')", script);
    }
}
