using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

/// <summary>
/// A digest as an A4 PDF whose text can be searched and copied, CJK included: its fonts are embedded (see
/// <see cref="DigestFonts"/>), and every page is numbered.
/// </summary>
public static class DigestPdf
{
    private static readonly PdfStyle Title = new(18, true, XColors.Black);
    private static readonly PdfStyle Section = new(14, true, XColors.Black);
    private static readonly PdfStyle Subsection = new(12, true, XColors.Black);
    private static readonly PdfStyle Body = new(10, false, XColors.Black);
    private static readonly PdfStyle Label = new(9, false, XColors.DimGray);
    private const double LabelWidth = 80;

    public static byte[] Render(DigestReading reading)
    {
        var document = new PdfDocument();
        document.Info.Title = ReadingFacts.Heading(reading);
        document.Info.Subject = $"Digest {reading.DigestId} for {reading.RegulatorName}";
        document.Info.Creator = "PolicyEngage";
        document.Options.CompressContentStreams = true;

        var flow = new PdfFlow(document);
        flow.Text(reading.ConsultationReference, Label);
        flow.Text(reading.ConsultationTitle, Title);
        flow.Gap(6);
        Particulars(flow, ReadingFacts.Particulars(reading));

        Heading(flow, "Statistics");
        Particulars(flow, ReadingFacts.Statistics(reading.Statistics));

        Heading(flow, ReadingFacts.GroupsHeading);
        if (reading.Groups.Count == 0) flow.Text(ReadingFacts.NoGroups, Body);
        for (var i = 0; i < reading.Groups.Count; i++)
        {
            flow.KeepTogether(3 * Body.LineHeight);
            flow.Text($"{i + 1}. Similarity {ReadingFacts.Similarity(reading.Groups[i].Similarity)}", Body);
            foreach (var member in reading.Groups[i].Members) flow.Text("• " + ReadingFacts.Member(member), Body, indent: 14);
            flow.Gap(4);
        }

        Heading(flow, "Positions");
        foreach (var position in reading.Positions)
        {
            flow.KeepTogether(Subsection.LineHeight + 6 * Body.LineHeight);
            flow.Rule();
            flow.Gap(6);
            flow.Text(position.Title, Subsection);
            Particulars(flow, ReadingFacts.Particulars(position));
            Passage(flow, "Summary", position.Summary);
            Passage(flow, "Body", position.Body);
            flow.Gap(10);
        }

        Heading(flow, "Ledger checkpoint");
        flow.Text(reading.LedgerCheckpoint ?? ReadingFacts.NoCheckpoint, Body);

        flow.Finish($"Digest {reading.DigestId}");
        using var bytes = new MemoryStream();
        document.Save(bytes);
        return bytes.ToArray();
    }

    private static void Heading(PdfFlow flow, string text)
    {
        flow.Gap(12);
        flow.KeepTogether(Section.LineHeight + 3 * Body.LineHeight);
        flow.Text(text, Section);
        flow.Gap(4);
    }

    private static void Passage(PdfFlow flow, string label, string text)
    {
        flow.Gap(4);
        flow.KeepTogether(Label.LineHeight + 2 * Body.LineHeight);
        flow.Text(label, Label);
        flow.Text(text, Body);
    }

    private static void Particulars(PdfFlow flow, IReadOnlyList<(string Label, string Value)> particulars)
    {
        foreach (var (label, value) in particulars) flow.Row(label, value, Label, Body, LabelWidth);
    }
}
