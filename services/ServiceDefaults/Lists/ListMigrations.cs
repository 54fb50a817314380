using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyEngage.ServiceDefaults.Lists;

/// <summary>What a migration that lists an existing table does besides adding the column and its counter row.</summary>
public static class ListMigrations
{
    /// <summary>
    /// Numbers the rows already in <paramref name="table"/> in the order <paramref name="orderBy"/> (their creation, then
    /// <c>Id</c>), before the position's unique index is made, and sets the list's counter after them. On SQL Server each
    /// statement is its own <c>EXEC</c>: an idempotent script compiles a migration as one batch, before the column exists.
    /// </summary>
    public static void NumberListRows(this MigrationBuilder migration, string table, string list, string orderBy)
    {
        var column = ListPositions.Column;
        string[] statements = migration.IsSqlServer()
            ?
            [
                $"UPDATE t SET {column} = r.Position FROM {table} AS t JOIN (SELECT Id, ROW_NUMBER() OVER (ORDER BY {orderBy}) AS Position FROM {table}) AS r ON r.Id = t.Id;",
                $"UPDATE ListCounters SET Last = (SELECT COUNT(*) FROM {table}) WHERE Name = '{list}';",
            ]
            :
            [
                $"UPDATE {table} SET {column} = r.Position FROM (SELECT Id, ROW_NUMBER() OVER (ORDER BY {orderBy}) AS Position FROM {table}) AS r WHERE r.Id = {table}.Id;",
                $"UPDATE ListCounters SET Last = (SELECT COUNT(*) FROM {table}) WHERE Name = '{list}';",
            ];
        foreach (var statement in statements)
            migration.Sql(migration.IsSqlServer() ? $"EXEC(N'{statement.Replace("'", "''", StringComparison.Ordinal)}')" : statement);
    }
}
