using System.Collections.Concurrent;
using Deque.AxeCore.Commons;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>
/// The accessibility figures of every page the tests checked, by language and impact, written after each check to
/// <c>axe-report.md</c> among the artefacts.
/// </summary>
public static class AxeReport
{
    private static readonly ConcurrentDictionary<(string Page, string Locale), AxeResult> Results = new();
    private static readonly Lock Writing = new();

    public static void Record(string page, string locale, AxeResult result)
    {
        Results[(page, locale)] = result;
        lock (Writing)
        {
            var lines = new List<string>
            {
                "| page | language | rules passed | critical | serious | moderate | minor | incomplete |",
                "|---|---|---|---|---|---|---|---|",
            };
            foreach (var ((name, language), axe) in Results.OrderBy(r => r.Key.Page, StringComparer.Ordinal).ThenBy(r => r.Key.Locale, StringComparer.Ordinal))
            {
                int Count(string impact) => axe.Violations.Count(v => v.Impact == impact);
                lines.Add($"| {name} | {language} | {axe.Passes.Length} | {Count("critical")} | {Count("serious")} | {Count("moderate")} | {Count("minor")} | {axe.Incomplete.Length} |");
            }
            File.WriteAllLines(Artefacts.File("axe-report.md"), lines);
        }
    }
}
