using PolicyEngage.Audit.Data;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests.Support;

/// <summary>The Audit service in-process on a SQLite file of its own, with the in-memory bus in place of RabbitMQ.</summary>
public sealed class AuditApp() : ServiceApp<Program, AuditDbContext, SqliteAuditDbContext>("ConnectionStrings:audit");
