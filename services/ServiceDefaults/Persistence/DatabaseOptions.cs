namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (the embedded default) or <see cref="DatabaseProvider.SqlServer"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where SQLite files go when no connection string is given: one file per service.</summary>
    public string DataDirectory { get; set; } = ".data";
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
