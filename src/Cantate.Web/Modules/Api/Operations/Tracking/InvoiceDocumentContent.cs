using System.Globalization;
using Cantate.Invoicing.Syntax;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Model = Cantate.Invoicing.Model;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// What consulter/fournisseur and consulter/recipiendaire read from the deposited document itself (UBL, CII or the
/// XML of a Factur-X), with Cantate.Invoicing's reader: the lines (lignePoste), the VAT breakdown (ligneTva), the
/// payment terms and the supplier's address and bank account, named and typed as go-choruspro reads them.
/// </summary>
public sealed class InvoiceDocumentContent(DocumentStore documents)
{
    /// <summary>The EN 16931 model of the deposited document; an empty one if it could not be read back.</summary>
    public async Task<Model.Invoice> ReadAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var content = await documents.ReadAsync(invoice.DocumentPath, cancellationToken);
        return InvoiceFile.Read(content).Invoice ?? new Model.Invoice();
    }

    /// <summary>lignesDePoste, one page of lignePoste[] (all of them unless the client asks for a page).</summary>
    public static object Lines(Model.Invoice model, CproRequest? paging)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (page, number, pages, size, total) = SearchPage.Slice(model.Lines, paging, "nbResultatsParPageLignesPoste", "pageResultatDemandeeLignesPoste");
        return new
        {
            lignePoste = page.Select((line, index) => Line(line, (number - 1) * size + index + 1)).ToList(),
            pageCouranteLignesPoste = number, pagesLignesPoste = pages, nbResultatsParPageLignesPoste = size, totalLignesPoste = total,
        };
    }

    /// <summary>recapitulatifDeTva, one page of ligneTva[].</summary>
    public static object VatBreakdown(Model.Invoice model, CproRequest? paging)
    {
        ArgumentNullException.ThrowIfNull(model);
        // go writes "ListeListe" in the size key and "Liste" in the page key.
        var (page, number, pages, size, total) = SearchPage.Slice(model.VatBreakdowns, paging,
            paging?.Has("nbResultatsParPageListeListeRecapitulatifTVA") == true ? "nbResultatsParPageListeListeRecapitulatifTVA" : "nbResultatsParPageListeRecapitulatifTVA",
            "pageResultatDemandeeListeRecapitulatifTVA");
        return new
        {
            ligneTva = page.Select(v => new
            {
                ligneTvaMontantBaseHtParTaux = v.TaxableAmount,
                ligneTvaMontantTvaParTaux = v.TaxAmount,
                ligneTvaTauxManuel = v.Rate,
                ligneTvaTauxRefCode = v.CategoryCode,
                ligneTvaTauxRefValeur = v.Rate,
                ligneTvaTauxRefLibelle = v.Rate is { } rate ? string.Create(CultureInfo.InvariantCulture, $"TVA {rate:0.##} %") : null,
                ligneTvaMotifExoneration = v.ExemptionReason,
            }).ToList(),
            pageCouranteLignesRecapitulativesTVA = number, pagesLignesRecapitulativesTVA = pages,
            nbResultatsParPageLignesRecapitulativesTVA = size, totalLignesRecapitulativesTVA = total,
        };
    }

    /// <summary>modePaiement from the payment means code (UNTDID 4461).</summary>
    public static string? PaymentMode(Model.Invoice model) => model?.PaymentInstructions?.MeansCode switch
    {
        null => null,
        "30" or "31" or "42" or "58" => "VIREMENT",
        "49" or "59" => "PRELEVEMENT",
        "20" => "CHEQUE",
        "10" => "ESPECE",
        _ => "AUTRE",
    };

    private static object Line(Model.InvoiceLine line, int number)
    {
        var net = line.NetAmount;
        var vat = net is { } n && line.Vat?.Rate is { } rate ? Math.Round(n * rate / 100m, 2, MidpointRounding.AwayFromZero) : (decimal?)null;
        return new
        {
            lignePosteNumero = number,
            lignePosteReference = line.Item?.SellerId ?? line.Id,
            lignePosteDenomination = line.Item?.Name,
            lignePosteQuantite = line.Quantity,
            lignePosteUnite = line.UnitCode,
            lignePosteUniteLibelle = line.UnitCode,
            lignePosteMontantUnitaireHT = line.Price?.NetPrice,
            lignePosteMontantRemiseHT = line.AllowanceCharges.Where(a => !a.IsCharge).Sum(a => a.Amount ?? 0m),
            lignePosteTauxTva = line.Vat?.Rate is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) : line.Vat?.CategoryCode,
            lignePosteTauxTvaManuel = line.Vat?.Rate,
            lignePosteMontantHtApresRemise = net,
            lignePosteMontantTva = vat,
            lignePosteMontantTtcApresRemise = net + vat,
        };
    }
}
