using System.Globalization;
using Cantate.Invoicing.Rendering;
using Cantate.Web.Modules.Accounts.Features.SignIn;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cantate.Web.Modules.Invoices.Features.DepositBatch;

/// <summary>
/// The processing report of a flow (compte rendu, the <c>fichierCR</c> of consulterCR) as a PDF, in French: the flow,
/// its certificate and state, then each invoice with its result and, when refused, every rule with its field and
/// explanation. Drawn with PDFsharp and the DejaVu font embedded in Cantate.Invoicing, like the invoices.
/// </summary>
public static class FlowReportPdf
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Render(DepositFlow flow, FlowReport report, string supplierName, string supplierSiret)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(report);
        EmbeddedFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Compte rendu du flux {flow.Number}";
        document.Info.Creator = "Cantate";
        var writer = new Writer(document);
        writer.Line($"Compte rendu de traitement du flux {flow.Number}", Writer.Title, 26);
        writer.Line($"Fournisseur : {supplierName} (SIRET {supplierSiret})", Writer.Body);
        writer.Line($"Fichier : {flow.FileName} ({flow.Size.ToString("N0", French)} octets), syntaxe déclarée {flow.Syntax}", Writer.Body);
        writer.Line($"Reçu le : {ParisTime.FormatDateTime(flow.ReceivedAt)}", Writer.Body);
        writer.Line($"Empreinte SHA-256 (certificat de dépôt) : {flow.Sha256}", Writer.Small);
        writer.Line($"État : {flow.Status.Code()} – {flow.Status.Label()}" + (flow.ProcessedAt is { } at ? $", le {ParisTime.FormatDateTime(at)}" : string.Empty), Writer.Strong, 22);
        if (!flow.Status.IsFinal()) writer.Line("Les factures du flux sont en cours de contrôle : interrogez de nouveau le compte rendu dans quelques instants.", Writer.Body);
        else
        {
            writer.Line(string.Create(French, $"Factures acceptées : {report.AcceptedCount} sur {report.Invoices.Count}."), Writer.Body, 18);
            foreach (var problem in report.Errors) writer.Problem(problem);
        }
        foreach (var entry in report.Invoices)
        {
            var amount = entry.TotalWithVat is { } total ? $", {total.ToString("N2", French)} {entry.Currency}" : string.Empty;
            var who = entry.Number is null ? entry.FileName : $"Facture {entry.Number} ({entry.FileName}{amount}, destinataire {entry.RecipientSiret ?? "inconnu"})";
            writer.Line($"{(entry.Accepted ? "Acceptée" : "Refusée")} – {who}", Writer.Strong);
            foreach (var problem in entry.Problems) writer.Problem(problem);
            writer.Space(6);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>Writes lines top to bottom, wrapping long ones and adding pages as needed.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private const double Margin = 40;
        private const double Bottom = 800;
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        public static readonly XFont Title = new(EmbeddedFontResolver.FamilyName, 14, XFontStyleEx.Bold, Unicode);
        public static readonly XFont Strong = new(EmbeddedFontResolver.FamilyName, 9, XFontStyleEx.Bold, Unicode);
        public static readonly XFont Body = new(EmbeddedFontResolver.FamilyName, 9, XFontStyleEx.Regular, Unicode);
        public static readonly XFont Small = new(EmbeddedFontResolver.FamilyName, 7.5, XFontStyleEx.Regular, Unicode);
        private XGraphics? _gfx;
        private double _y = Bottom;

        public void Problem(DepositProblem problem)
        {
            var field = string.IsNullOrEmpty(problem.BusinessTerm) ? string.Empty : $" ({problem.BusinessTerm})";
            Line($"• {problem.Rule}{field} : {problem.Message}", Body, indent: 12);
        }

        public void Space(double height) => _y += height;

        public void Line(string text, XFont font, double after = 0, double indent = 0)
        {
            foreach (var line in Wrap(text, font, Width - indent))
            {
                if (_gfx is null || _y + font.Size + 4 > Bottom) NewPage();
                _gfx!.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, font.Size + 2), XStringFormats.TopLeft);
                _y += font.Size + 4;
            }
            _y += after;
        }

        private double Width => (_gfx?.PageSize.Width ?? 595) - (2 * Margin);

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            if (_gfx is null) NewPage();
            return PdfText.Wrap(_gfx!, text, font, width);
        }
    }
}
