namespace PolicyEngage.Portal.Localization;

/// <summary>
/// The words every page shares (statuses, decisions, roles, the answers of the API put in a person's terms):
/// <c>Resources/Localization/SharedText.zh-Hans.resx</c>. English is the key.
/// </summary>
public sealed class SharedText;
