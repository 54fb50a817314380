-- Run by the sqlserver-init container (docker-compose.yml) once SQL Server is healthy and before any service
-- starts; idempotent, so it runs again harmlessly on every `docker compose up`.
--
-- One database per service. EF Core's Migrate() would create a missing database by itself, but creating them
-- here, while nobody is connected, lets us turn on READ_COMMITTED_SNAPSHOT (as Azure SQL does by default):
-- reads see the last committed version of a row instead of waiting for writers, so API reads do not queue
-- behind the outbox relay and the consumers. UPDATEs still select their rows with update locks under this
-- option, so the relay's conditional claim stays exclusive. Each service applies its own schema migrations
-- at start-up.
--
-- Then one login per service, a user in its own database only: db_owner there (its migrations need DDL), no user
-- and no guest access anywhere else, so no service connects as sa or reads another's tables. The passwords are
-- sqlcmd scripting variables, which sqlcmd takes from the environment (docker-compose.yml passes
-- MSSQL_<SERVICE>_PASSWORD); a re-run sets them again, so changing one in the environment changes the login's.
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
GO

IF SUSER_ID(N'submissions') IS NULL
    CREATE LOGIN [submissions] WITH PASSWORD = N'$(MSSQL_SUBMISSIONS_PASSWORD)', DEFAULT_DATABASE = [submissions];
ELSE
    ALTER LOGIN [submissions] WITH PASSWORD = N'$(MSSQL_SUBMISSIONS_PASSWORD)', DEFAULT_DATABASE = [submissions];
GO
USE [submissions];
IF USER_ID(N'submissions') IS NULL CREATE USER [submissions] FOR LOGIN [submissions];
ELSE ALTER USER [submissions] WITH LOGIN = [submissions]; -- re-maps a user orphaned by a restore or a re-created login
ALTER ROLE db_owner ADD MEMBER [submissions];
REVOKE CONNECT FROM guest;
GO

IF SUSER_ID(N'reviews') IS NULL
    CREATE LOGIN [reviews] WITH PASSWORD = N'$(MSSQL_REVIEWS_PASSWORD)', DEFAULT_DATABASE = [reviews];
ELSE
    ALTER LOGIN [reviews] WITH PASSWORD = N'$(MSSQL_REVIEWS_PASSWORD)', DEFAULT_DATABASE = [reviews];
GO
USE [reviews];
IF USER_ID(N'reviews') IS NULL CREATE USER [reviews] FOR LOGIN [reviews];
ELSE ALTER USER [reviews] WITH LOGIN = [reviews];
ALTER ROLE db_owner ADD MEMBER [reviews];
REVOKE CONNECT FROM guest;
GO

IF SUSER_ID(N'regulatorliaison') IS NULL
    CREATE LOGIN [regulatorliaison] WITH PASSWORD = N'$(MSSQL_REGULATORLIAISON_PASSWORD)', DEFAULT_DATABASE = [regulatorliaison];
ELSE
    ALTER LOGIN [regulatorliaison] WITH PASSWORD = N'$(MSSQL_REGULATORLIAISON_PASSWORD)', DEFAULT_DATABASE = [regulatorliaison];
GO
USE [regulatorliaison];
IF USER_ID(N'regulatorliaison') IS NULL CREATE USER [regulatorliaison] FOR LOGIN [regulatorliaison];
ELSE ALTER USER [regulatorliaison] WITH LOGIN = [regulatorliaison];
ALTER ROLE db_owner ADD MEMBER [regulatorliaison];
REVOKE CONNECT FROM guest;
GO

IF SUSER_ID(N'audit') IS NULL
    CREATE LOGIN [audit] WITH PASSWORD = N'$(MSSQL_AUDIT_PASSWORD)', DEFAULT_DATABASE = [audit];
ELSE
    ALTER LOGIN [audit] WITH PASSWORD = N'$(MSSQL_AUDIT_PASSWORD)', DEFAULT_DATABASE = [audit];
GO
USE [audit];
IF USER_ID(N'audit') IS NULL CREATE USER [audit] FOR LOGIN [audit];
ELSE ALTER USER [audit] WITH LOGIN = [audit];
ALTER ROLE db_owner ADD MEMBER [audit];
REVOKE CONNECT FROM guest;
GO
