using System.Globalization;
using Cantate.Invoicing.Model;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices.Features.EnterInvoice;
using Cantate.Web.Modules.Structures;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

using Invoice = Cantate.Invoicing.Model.Invoice;

/// <summary>
/// Builds the EN 16931 invoice of a SAISIE_API soumettre, as the portal's form builds the typed one: the seller is
/// the caller's structure, the buyer comes from the directory, the lines (lignePoste) give the amounts, and the
/// totals are computed with the EN 16931 rules, then compared with what the client sent (ligneTva, montantTotal):
/// a difference is refused, as Chorus Pro refuses an incorrect "synthèse".
/// </summary>
public static class SaisieModel
{
    /// <summary>Chorus Pro's code for the franchise en base (art. 293 B du CGI): no VAT charged.</summary>
    public const string FranchiseCode = "TVA1";
    private const string FranchiseReason = "TVA non applicable, art. 293 B du CGI";

    public static Invoice Build(CproRequest request, SubmittedInvoice submitted, string number, DateOnly date, Structure seller, Structure buyer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(buyer);
        var invoice = new Invoice
        {
            Number = number,
            IssueDate = date,
            DueDate = submitted.DueDate,
            TypeCode = submitted.TypeCode,
            CurrencyCode = submitted.Currency,
            BusinessProcessType = submitted.Cadre,
            SpecificationId = "urn:cen.eu:en16931:2017",
            BuyerReference = submitted.ServiceCode,
            PurchaseOrderReference = submitted.EngagementNumber,
            ContractReference = submitted.ContractNumber,
            VatPointDateCode = submitted.VatType == "TVA_SUR_ENCAISSEMENT" ? "432" : null,
            PaymentTerms = submitted.DueDate is null && submitted.Cadre == "A1" ? "Paiement dans le délai de paiement de la commande publique." : null,
            Seller = new Seller
            {
                Name = seller.RaisonSociale,
                LegalRegistrationId = new Identifier(seller.Siret, "0009"),
                VatId = TypedValues.FrenchVatIdOf(seller.Siret),
                Address = new PostalAddress { Line1 = seller.AddressLine, Line2 = seller.AddressComplement, PostCode = seller.PostalCode, City = seller.City, CountryCode = seller.CountryCode },
            },
            Buyer = new Buyer
            {
                Name = buyer.RaisonSociale,
                LegalRegistrationId = new Identifier(buyer.Siret, "0009"),
                Address = new PostalAddress { Line1 = buyer.AddressLine, Line2 = buyer.AddressComplement, PostCode = buyer.PostalCode, City = buyer.City, CountryCode = buyer.CountryCode },
            },
            PaymentInstructions = Payment(submitted.PaymentMode),
        };
        if (submitted.OriginalNumber is { } original) invoice.PrecedingInvoices.Add(new PrecedingInvoiceReference { Number = original });
        if (submitted.Comment is { } comment) invoice.Notes.Add(new InvoiceNote { Text = comment });

        var lines = request.Children("lignePoste");
        if (lines.Count == 0)
            throw request.Missing("lignePoste", "une facture SAISIE_API compte au moins une ligne (lignePosteDenomination, lignePosteQuantite, lignePosteMontantUnitaireHT, taux de TVA)");
        string? exemption = null;
        foreach (var line in lines)
        {
            var (category, rate) = Vat(line, submitted);
            if (category == "E") exemption ??= line.Text("lignePosteTauxTva")?.ToUpperInvariant() == FranchiseCode ? FranchiseReason : submitted.ExemptionReason;
            var discount = line.Number("lignePosteMontantRemiseHT") ?? 0m;
            var item = new InvoiceLine
            {
                Id = line.Whole("lignePosteNumero")?.ToString(CultureInfo.InvariantCulture) ?? (invoice.Lines.Count + 1).ToString(CultureInfo.InvariantCulture),
                Quantity = line.Number("lignePosteQuantite") ?? throw line.Missing("lignePosteQuantite", "indiquez la quantité facturée"),
                UnitCode = Units.CodeOf(line.Text("lignePosteUnite")),
                Price = new PriceDetails { NetPrice = line.Number("lignePosteMontantUnitaireHT") ?? throw line.Missing("lignePosteMontantUnitaireHT", "indiquez le prix unitaire hors taxes") },
                Vat = new LineVat { CategoryCode = category, Rate = rate },
                Item = new Item
                {
                    Name = line.Text("lignePosteDenomination") ?? throw line.Missing("lignePosteDenomination", "indiquez la désignation de ce qui est facturé"),
                    SellerId = line.Text("lignePosteReference"),
                    Description = Units.IsCode(line.Text("lignePosteUnite")) ? null : $"Unité : {line.Text("lignePosteUnite")}",
                },
            };
            if (discount != 0m) item.AllowanceCharges.Add(new LineAllowanceCharge { Amount = discount, Reason = "Remise", ReasonCode = "95" });
            invoice.Lines.Add(item);
        }
        if (exemption is null && invoice.Lines.Any(l => l.Vat!.CategoryCode == "E"))
            throw request.Missing("references.motifExonerationTva", "une ligne exonérée de TVA exige le motif d'exonération (par exemple « Exonération de TVA, article 261 du CGI »)");
        if (exemption is not null) invoice.VatBreakdowns.Add(new VatBreakdown { CategoryCode = "E", Rate = 0m, ExemptionReason = exemption });
        InvoiceTotals.Apply(invoice);
        SubmittedAmounts.Check(request, submitted, invoice);
        return invoice;
    }

    /// <summary>The line's VAT: lignePosteTauxTvaManuel (a rate) first, else lignePosteTauxTva (a rate written as text, or TVA1).</summary>
    private static (string Category, decimal Rate) Vat(CproRequest line, SubmittedInvoice submitted)
    {
        var code = line.Text("lignePosteTauxTva");
        if (code?.ToUpperInvariant() == FranchiseCode) return ("E", 0m);
        var rate = line.Number("lignePosteTauxTvaManuel") ?? SubmittedAmounts.Rate(code)
            ?? throw (code is null
                ? line.Missing("lignePosteTauxTvaManuel", "indiquez le taux de TVA de la ligne en pourcentage (par exemple 20), ou lignePosteTauxTva")
                : new CproException(CproCodes.InvalidField, $"Le taux « {code} » ({line.Qualified("lignePosteTauxTva")}) est inconnu : donnez le taux en pourcentage dans lignePosteTauxTvaManuel (par exemple 20), ou {FranchiseCode} pour la franchise en base."));
        if (rate < 0m || rate > 100m) throw new CproException(CproCodes.InvalidField, $"Le taux de TVA {rate} ({line.Qualified("lignePosteTauxTvaManuel")}) doit être compris entre 0 et 100.");
        if (rate != 0m) return ("S", rate);
        return submitted.VatType is "EXONERATION" or "SANS_TVA" || submitted.ExemptionReason is not null ? ("E", 0m) : ("Z", 0m);
    }

    /// <summary>modePaiement as a UNTDID 4461 code. A transfer goes to the bank details the supplier gave its public client.</summary>
    private static PaymentInstructions? Payment(string? mode) => mode switch
    {
        null => null,
        "VIREMENT" => new PaymentInstructions { MeansCode = "ZZZ", MeansText = "Virement sur le compte bancaire du fournisseur connu du destinataire" },
        "CHEQUE" => new PaymentInstructions { MeansCode = "20", MeansText = "Chèque" },
        "PRELEVEMENT" => new PaymentInstructions { MeansCode = "59", MeansText = "Prélèvement" },
        "ESPECE" or "ESPECES" => new PaymentInstructions { MeansCode = "10", MeansText = "Espèces" },
        "AUTRE" or "REPORT" => new PaymentInstructions { MeansCode = "ZZZ", MeansText = mode == "REPORT" ? "Report" : "Autre" },
        _ => throw new CproException(CproCodes.InvalidField,
            $"Le mode de paiement « {mode} » (references.modePaiement) n'existe pas : CHEQUE, PRELEVEMENT, VIREMENT, ESPECE, AUTRE ou REPORT."),
    };
}
