using Cantate.Invoicing.Model;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cantate.Invoicing.Rendering;

/// <summary>
/// Renders an invoice as a PDF a person can read, in French: seller and buyer, number and dates, the
/// Chorus Pro references, the lines, the VAT breakdown, the totals, the payment terms and bank details.
/// Amounts and dates are formatted fr-FR. The font is embedded; nothing needs to be installed.
/// </summary>
public static class InvoicePdfRenderer
{
    /// <summary>Renders the invoice as a PDF file.</summary>
    public static byte[] Render(Invoice invoice)
    {
        using var document = CreateDocument(invoice);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>Builds the PDF document (for callers that add attachments before saving).</summary>
    internal static PdfDocument CreateDocument(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        EmbeddedFontResolver.Install();
        var document = new PdfDocument();
        document.Info.Title = $"{FrenchText.Title(invoice.TypeCode)} {invoice.Number}".Trim();
        document.Info.Author = invoice.Seller?.Name ?? string.Empty;
        document.Info.Creator = "Cantate";
        document.Info.Subject = "Facture électronique";
        new PageWriter(document, invoice).Write();
        return document;
    }

    /// <summary>Lays the invoice out page after page, top to bottom.</summary>
    private sealed class PageWriter(PdfDocument document, Invoice invoice)
    {
        private const double Margin = 40;
        private const double Bottom = 800;
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private static readonly XFont Title = new(EmbeddedFontResolver.FamilyName, 18, XFontStyleEx.Bold, Unicode);
        private static readonly XFont Heading = new(EmbeddedFontResolver.FamilyName, 10, XFontStyleEx.Bold, Unicode);
        private static readonly XFont Body = new(EmbeddedFontResolver.FamilyName, 8.5, XFontStyleEx.Regular, Unicode);
        private static readonly XFont Strong = new(EmbeddedFontResolver.FamilyName, 8.5, XFontStyleEx.Bold, Unicode);
        private static readonly XFont Small = new(EmbeddedFontResolver.FamilyName, 7, XFontStyleEx.Regular, Unicode);
        private static readonly XPen Rule = new(XColors.Gray, 0.5);
        private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(235, 238, 243));

        private readonly string? currency = invoice.CurrencyCode;
        private readonly List<XGraphics> pages = [];
        private XGraphics gfx = null!;
        private double y;

        private double Width => gfx.PageSize.Width - (2 * Margin);

        public void Write()
        {
            NewPage();
            Header();
            Parties();
            References();
            Lines();
            DocumentAllowancesAndCharges();
            VatAndTotals();
            Payment();
            Notes();
            Footers();
        }

        private void NewPage()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            pages.Add(gfx);
            y = Margin;
            if (pages.Count > 1)
            {
                Text($"{FrenchText.Title(invoice.TypeCode)} n° {invoice.Number} (suite)", Strong, Margin, Width);
                y += 14;
            }
        }

        private void EnsureSpace(double height)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }
        }

        private void Text(string? text, XFont font, double x, double width, XStringFormat? format = null)
        {
            if (!string.IsNullOrEmpty(text))
            {
                gfx.DrawString(Fit(text, font, width), font, XBrushes.Black, new XRect(x, y, width, font.Size + 2), format ?? XStringFormats.TopLeft);
            }
        }

        /// <summary>Cuts a text that does not fit its cell, with an ellipsis.</summary>
        private string Fit(string text, XFont font, double width)
        {
            if (gfx.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            var cut = text.Length;
            while (cut > 1 && gfx.MeasureString(string.Concat(text.AsSpan(0, cut), "…"), font).Width > width)
            {
                cut--;
            }

            return string.Concat(text.AsSpan(0, cut), "…");
        }

        private List<string> Wrap(string text, XFont font, double width) => PdfText.Wrap(gfx, text, font, width);

        private void Paragraph(string? text, XFont font, double x, double width)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            foreach (var line in Wrap(text, font, width))
            {
                EnsureSpace(font.Size + 3);
                Text(line, font, x, width);
                y += font.Size + 3;
            }
        }

        private void Header()
        {
            var seller = invoice.Seller;
            Text(seller?.Name, Heading, Margin, Width / 2);
            Text(FrenchText.Title(invoice.TypeCode), Title, Margin + (Width / 2), Width / 2, XStringFormats.TopRight);
            y += 24;
            var details = new List<string> { $"N° {invoice.Number}", $"Date : {FrenchText.Date(invoice.IssueDate)}" };
            if (invoice.DueDate is not null)
            {
                details.Add($"Échéance : {FrenchText.Date(invoice.DueDate)}");
            }

            foreach (var detail in details)
            {
                Text(detail, Strong, Margin + (Width / 2), Width / 2, XStringFormats.TopRight);
                y += 12;
            }

            y += 8;
        }

        private static IEnumerable<string?> AddressLines(PostalAddress? address) => address is null
            ? []
            : [address.Line1, address.Line2, address.Line3, $"{address.PostCode} {address.City}".Trim(), address.CountrySubdivision, address.CountryCode];

        private void Parties()
        {
            var seller = invoice.Seller;
            var buyer = invoice.Buyer;
            var left = new List<string?> { seller?.TradingName is { } t && t != seller.Name ? t : null };
            left.AddRange(AddressLines(seller?.Address));
            left.Add(seller?.LegalRegistrationId is { } sl ? $"{FrenchText.Scheme(sl)} : {sl.Value}" : null);
            left.Add(seller?.VatId is { } sv ? $"N° TVA : {sv}" : null);
            left.Add(seller?.Contact is { } sc ? string.Join(" – ", new[] { sc.Name, sc.Telephone, sc.Email }.Where(s => s is not null)) : null);

            var right = new List<string?> { buyer?.Name };
            right.AddRange(AddressLines(buyer?.Address));
            right.Add(buyer?.LegalRegistrationId is { } bl ? $"{FrenchText.Scheme(bl)} : {bl.Value}" : null);
            right.Add(buyer?.VatId is { } bv ? $"N° TVA : {bv}" : null);

            var column = (Width / 2) - 10;
            var top = y;
            Text("Vendeur", Heading, Margin, column);
            y += 14;
            foreach (var line in left.OfType<string>().Where(l => l.Length > 0))
            {
                Text(line, Body, Margin, column);
                y += 11;
            }

            var leftBottom = y;
            y = top;
            var x = Margin + (Width / 2) + 10;
            var rightLines = right.OfType<string>().Where(l => l.Length > 0).ToList();
            var boxBottom = Math.Max(leftBottom, top + 14 + (11 * rightLines.Count)) + 2;
            gfx.DrawRectangle(Rule, x - 6, top - 4, column + 6, boxBottom - top + 4);
            Text("Client", Heading, x, column);
            y += 14;
            foreach (var line in rightLines)
            {
                Text(line, Body, x, column);
                y += 11;
            }

            y = boxBottom + 12;
        }

        private void References()
        {
            var items = new List<(string Label, string? Value)>
            {
                ("Service exécutant", invoice.BuyerReference),
                ("Engagement juridique (n° de commande)", invoice.PurchaseOrderReference),
                ("Cadre de facturation", invoice.BusinessProcessType),
                ("Marché", invoice.ContractReference),
                ("Projet", invoice.ProjectReference),
                ("Commande vendeur", invoice.SalesOrderReference),
                ("Bon de livraison", invoice.DespatchAdviceReference),
                ("Référence comptable acheteur", invoice.BuyerAccountingReference),
                ("Période", invoice.InvoicingPeriod is { } p ? $"du {FrenchText.Date(p.StartDate)} au {FrenchText.Date(p.EndDate)}" : null),
                ("Date de livraison", invoice.Delivery?.ActualDeliveryDate is { } d ? FrenchText.Date(d) : null),
                ("Date d'exigibilité de la TVA", invoice.VatPointDate is { } v ? FrenchText.Date(v) : null),
            };
            foreach (var preceding in invoice.PrecedingInvoices)
            {
                items.Add(("Facture d'origine", $"{preceding.Number} {FrenchText.Date(preceding.IssueDate)}".Trim()));
            }

            var present = items.Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToList();
            for (var i = 0; i < present.Count; i += 2)
            {
                EnsureSpace(12);
                for (var c = 0; c < 2 && i + c < present.Count; c++)
                {
                    var x = Margin + (c * Width / 2);
                    Text($"{present[i + c].Label} : {present[i + c].Value}", Body, x, (Width / 2) - 8);
                }

                y += 11;
            }

            y += 8;
        }

        private static readonly (string Title, double Share, bool Right)[] LineColumns =
        [
            ("Désignation", 0.40, false), ("Quantité", 0.11, true), ("Unité", 0.07, false), ("PU HT", 0.15, true),
            ("TVA", 0.09, true), ("Montant HT", 0.18, true),
        ];

        private void Row(string?[] cells, XFont font, bool shaded = false)
        {
            EnsureSpace(14);
            if (shaded)
            {
                gfx.DrawRectangle(Shade, Margin, y - 2, Width, 13);
            }

            var x = Margin;
            for (var i = 0; i < LineColumns.Length; i++)
            {
                var width = LineColumns[i].Share * Width;
                Text(cells[i], font, x + 2, width - 4, LineColumns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += width;
            }

            y += 13;
        }

        private void Lines()
        {
            Row(LineColumns.Select(c => c.Title).ToArray(), Strong, shaded: true);
            foreach (var line in invoice.Lines)
            {
                var price = line.Price?.NetPrice is { } net
                    ? FrenchText.Money(net, currency) + (line.Price.BaseQuantity is { } b && b != 1m ? $" / {FrenchText.Number(b)}" : string.Empty)
                    : null;
                var nameWidth = (LineColumns[0].Share * Width) - 4;
                var names = Wrap(line.Item?.Name ?? string.Empty, Body, nameWidth);
                Row(
                    [
                        names[0], line.Quantity is { } q ? FrenchText.Number(q) : null, line.UnitCode, price,
                        line.Vat?.CategoryCode == "S" ? FrenchText.Percent(line.Vat.Rate) : line.Vat?.CategoryCode,
                        FrenchText.Money(line.NetAmount, currency),
                    ],
                    Body);
                foreach (var more in names.Skip(1))
                {
                    EnsureSpace(12);
                    Text(more, Body, Margin + 2, nameWidth);
                    y += 11;
                }

                var details = new[] { line.Item?.Description, line.Note }
                    .Concat(line.AllowanceCharges.Select(a =>
                        $"{a.Reason ?? a.ReasonCode ?? (a.IsCharge ? "Frais" : "Remise")} : {(a.IsCharge ? "+" : "−")}{FrenchText.Money(a.Amount, currency)}"));
                foreach (var detail in details.OfType<string>())
                {
                    Paragraph(detail, Small, Margin + 8, (LineColumns[0].Share * Width) + 40);
                }

                gfx.DrawLine(Rule, Margin, y - 1, Margin + Width, y - 1);
            }

            y += 8;
        }

        private void DocumentAllowancesAndCharges()
        {
            foreach (var item in invoice.AllowanceCharges)
            {
                EnsureSpace(12);
                var label = $"{(item.IsCharge ? "Frais" : "Remise")} sur le total : {item.Reason ?? item.ReasonCode} (TVA {FrenchText.VatCategory(item.VatCategoryCode)} {FrenchText.Percent(item.VatRate)})";
                Text(label, Body, Margin, Width * 0.75);
                Text((item.IsCharge ? "+" : "−") + FrenchText.Money(item.Amount, currency), Body, Margin + (Width * 0.75), Width * 0.25, XStringFormats.TopRight);
                y += 12;
            }

            y += 4;
        }

        private void VatAndTotals()
        {
            var totals = invoice.Totals;
            var rows = invoice.VatBreakdowns.Count + 2;
            EnsureSpace(Math.Max(rows * 12, 110));
            var top = y;
            var vatWidth = Width * 0.55;
            Text("Détail de la TVA", Heading, Margin, vatWidth);
            y += 14;
            foreach (var vat in invoice.VatBreakdowns)
            {
                var label = $"{FrenchText.VatCategory(vat.CategoryCode)} {FrenchText.Percent(vat.Rate)}";
                Text(label, Body, Margin, vatWidth * 0.45);
                Text("base " + FrenchText.Money(vat.TaxableAmount, currency), Body, Margin + (vatWidth * 0.40), vatWidth * 0.32, XStringFormats.TopRight);
                Text("TVA " + FrenchText.Money(vat.TaxAmount, currency), Body, Margin + (vatWidth * 0.72), vatWidth * 0.28, XStringFormats.TopRight);
                y += 11;
                if ((vat.ExemptionReason ?? vat.ExemptionReasonCode) is { } reason)
                {
                    Text("Motif : " + reason, Small, Margin + 8, vatWidth - 8);
                    y += 10;
                }
            }

            var vatBottom = y;
            y = top;
            var x = Margin + vatWidth + 15;
            var width = Width - vatWidth - 15;
            var lines = new List<(string Label, decimal? Amount, bool Strong)>
            {
                ("Total HT des lignes", totals?.LineNetTotal, false),
                ("Remises", totals?.AllowanceTotal is { } a ? -a : null, false),
                ("Frais", totals?.ChargeTotal, false),
                ("Total HT", totals?.TaxExclusiveAmount, true),
                ("Total TVA", totals?.VatTotal, false),
                ("Total TTC", totals?.TaxInclusiveAmount, true),
                ("Déjà payé", totals?.PaidAmount is { } p && p != 0m ? -p : null, false),
                ("Arrondi", totals?.RoundingAmount is { } r && r != 0m ? r : null, false),
            };
            foreach (var (label, amount, strong) in lines.Where(l => l.Amount is not null))
            {
                Text(label, strong ? Strong : Body, x, width * 0.55);
                Text(FrenchText.Money(amount, currency), strong ? Strong : Body, x + (width * 0.45), width * 0.55, XStringFormats.TopRight);
                y += 12;
            }

            gfx.DrawRectangle(Shade, x - 4, y, width + 4, 18);
            y += 3;
            Text("Net à payer", Heading, x, width * 0.5);
            Text(FrenchText.Money(totals?.AmountDue, currency), Heading, x + (width * 0.4), width * 0.6, XStringFormats.TopRight);
            y = Math.Max(y + 22, vatBottom) + 6;
        }

        private void Payment()
        {
            var payment = invoice.PaymentInstructions;
            if (payment is null && invoice.PaymentTerms is null)
            {
                return;
            }

            EnsureSpace(40);
            Text("Paiement", Heading, Margin, Width);
            y += 14;
            Paragraph(invoice.PaymentTerms, Body, Margin, Width);
            if (payment is not null)
            {
                Paragraph($"Moyen de paiement : {payment.MeansText ?? FrenchText.PaymentMeans(payment.MeansCode)}", Body, Margin, Width);
                Paragraph(payment.RemittanceInformation is { } r ? $"Référence à rappeler : {r}" : null, Body, Margin, Width);
                foreach (var account in payment.CreditTransfers)
                {
                    var bic = account.ServiceProviderId is { } b ? $" – BIC {b}" : string.Empty;
                    var holder = account.AccountName is { } n ? $" ({n})" : string.Empty;
                    var kind = account.AccountId is { Length: > 14 } id && char.IsLetter(id[0]) && char.IsLetter(id[1]) ? "IBAN" : "Compte";
                    Paragraph($"{kind} {account.AccountId}{bic}{holder}", Strong, Margin, Width);
                }

                if (payment.DirectDebit is { } debit)
                {
                    Paragraph($"Prélèvement : mandat {debit.MandateReference}, créancier {debit.CreditorId}, compte débité {debit.DebitedAccountId}", Body, Margin, Width);
                }

                if (payment.Card is { } card)
                {
                    Paragraph($"Carte {card.PrimaryAccountNumber} {card.HolderName}".Trim(), Body, Margin, Width);
                }
            }

            if (invoice.Payee is { } payee)
            {
                Paragraph($"Bénéficiaire du paiement : {payee.Name}", Body, Margin, Width);
            }

            y += 6;
        }

        private void Notes()
        {
            if (invoice.Notes.Count == 0)
            {
                return;
            }

            EnsureSpace(30);
            Text("Mentions", Heading, Margin, Width);
            y += 14;
            foreach (var note in invoice.Notes)
            {
                Paragraph(note.Text, Small, Margin, Width);
            }
        }

        private void Footers()
        {
            var legal = string.Join(" – ", new[] { invoice.Seller?.Name, invoice.Seller?.AdditionalLegalInformation }.Where(s => !string.IsNullOrEmpty(s)));
            for (var i = 0; i < pages.Count; i++)
            {
                gfx = pages[i];
                y = Bottom + 12;
                gfx.DrawLine(Rule, Margin, y - 3, Margin + Width, y - 3);
                Text(legal, Small, Margin, Width * 0.8);
                Text($"Page {i + 1} / {pages.Count}", Small, Margin + (Width * 0.8), Width * 0.2, XStringFormats.TopRight);
                gfx.Dispose();
            }
        }
    }
}
