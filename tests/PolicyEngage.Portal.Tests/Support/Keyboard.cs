using Microsoft.Playwright;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>A person who uses the keyboard alone: Tab (or Shift+Tab) until the control they want has the focus, and a check that they can see where it is.</summary>
public static class Keyboard
{
    private const int MostTabs = 150;

    private const string FocusedMatches = "([selector, text]) => { const e = document.activeElement; if (!e || !e.matches(selector)) return false; " +
        "return text === null || (e.innerText || e.value || '').trim() === text; }";

    private const string FocusDrawn = "() => { const e = document.activeElement; if (!e || e === document.body) return false; " +
        "const style = getComputedStyle(e); return e.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2; }";

    /// <summary>
    /// Moves the focus forward (or back) until the focused element matches <paramref name="selector"/> and, when given,
    /// its text or value is <paramref name="text"/>; fails if no Tab gets there. Asserts the focus is drawn.
    /// </summary>
    public static async Task TabToAsync(this IPage page, string selector, string? text = null, bool backwards = false)
    {
        for (var presses = 0; presses < MostTabs; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>(FocusedMatches, new object?[] { selector, text }))
            {
                await AssertFocusVisibleAsync(page);
                return;
            }
        }
        Assert.Fail($"{MostTabs} presses of Tab never reached {selector} '{text}' on {page.Url}.");
    }

    /// <summary>The focused element shows a focus indicator (the portal's :focus-visible outline).</summary>
    public static async Task AssertFocusVisibleAsync(IPage page)
    {
        var drawn = await page.EvaluateAsync<bool>(FocusDrawn);
        Assert.True(drawn, $"The focused element on {page.Url} has no visible focus indicator.");
    }

    /// <summary>Replaces the focused field's text as a person would: select all, then type.</summary>
    public static async Task RetypeAsync(this IPage page, string text)
    {
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(text);
    }
}
