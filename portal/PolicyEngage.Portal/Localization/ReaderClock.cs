using System.Globalization;

namespace PolicyEngage.Portal.Localization;

/// <summary>
/// Times as the reader reads them: in their culture's format and their time zone (the <c>tz</c> cookie the page's
/// script sets from the browser; UTC until then, and said so).
/// </summary>
public sealed class ReaderClock(IHttpContextAccessor context, TimeProvider clock)
{
    public const string TimeZoneCookie = "tz";

    public DateTimeOffset Now => clock.GetUtcNow();

    public TimeZoneInfo TimeZone
    {
        get
        {
            var name = context.HttpContext?.Request.Cookies[TimeZoneCookie];
            if (!string.IsNullOrWhiteSpace(name) && name.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)) return zone;
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>e.g. "1 December 2026 22:40 (Europe/Brussels)" or "2026年12月1日 22:40 (UTC)".</summary>
    public string Format(DateTimeOffset moment)
    {
        var zone = TimeZone;
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return $"{local.ToString("f", CultureInfo.CurrentCulture)} ({(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id)})";
    }
}
