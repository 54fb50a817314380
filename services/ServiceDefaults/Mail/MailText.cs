namespace PolicyEngage.ServiceDefaults.Mail;

/// <summary>What a mail says: its subject and its plain-text body.</summary>
public sealed record MailText(string Subject, string Body)
{
    /// <summary>
    /// We do not know the recipient's language, so every mail says it twice: English first, then Simplified Chinese,
    /// each followed by the link to the portal page it is about.
    /// </summary>
    public static MailText Bilingual(string englishSubject, string chineseSubject, string english, string chinese, Uri link) => new(
        $"{englishSubject} / {chineseSubject}",
        $"""
        {english.TrimEnd()}

        {link.AbsoluteUri}

        ----------------------------------------
        简体中文

        {chinese.TrimEnd()}

        {link.AbsoluteUri}

        """);
}
