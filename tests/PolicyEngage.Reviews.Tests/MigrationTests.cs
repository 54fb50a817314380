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
}
