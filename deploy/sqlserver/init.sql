-- Run by the sqlserver-init container (docker-compose.yml) once SQL Server is healthy and before any service
-- starts; idempotent, so it runs again harmlessly on every `docker compose up`.
--
-- One database per service. EF Core's Migrate() would create a missing database by itself, but creating them
-- here, while nobody is connected, lets us turn on READ_COMMITTED_SNAPSHOT (as Azure SQL does by default):
-- reads see the last committed version of a row instead of waiting for writers, so API reads do not queue
-- behind the outbox relay and the consumers. UPDATEs still select their rows with update locks under this
-- option, so the relay's conditional claim stays exclusive. Each service applies its own schema migrations
-- at start-up.
SET NOCOUNT ON;

IF DB_ID(N'submissions') IS NULL
BEGIN
    CREATE DATABASE [submissions];
    ALTER DATABASE [submissions] SET READ_COMMITTED_SNAPSHOT ON;
END;

IF DB_ID(N'reviews') IS NULL
BEGIN
    CREATE DATABASE [reviews];
    ALTER DATABASE [reviews] SET READ_COMMITTED_SNAPSHOT ON;
END;

IF DB_ID(N'regulatorliaison') IS NULL
BEGIN
    CREATE DATABASE [regulatorliaison];
    ALTER DATABASE [regulatorliaison] SET READ_COMMITTED_SNAPSHOT ON;
END;

IF DB_ID(N'audit') IS NULL
BEGIN
    CREATE DATABASE [audit];
    ALTER DATABASE [audit] SET READ_COMMITTED_SNAPSHOT ON;
END;

SELECT name, is_read_committed_snapshot_on
FROM sys.databases
WHERE name IN (N'submissions', N'reviews', N'regulatorliaison', N'audit');
