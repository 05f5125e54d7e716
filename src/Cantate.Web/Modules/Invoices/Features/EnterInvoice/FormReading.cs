using System.Globalization;
using Cantate.Invoicing.Model;
using Cantate.Sirene;
using Cantate.Web.Modules.Structures;

namespace Cantate.Web.Modules.Invoices.Features.EnterInvoice;

using Invoice = Cantate.Invoicing.Model.Invoice;

/// <summary>
/// Turns the typed form into the EN 16931 model, collecting one French error per field (keyed by the field's
/// name, so the page shows it next to the field). What cannot be read counts as absent in the model.
/// </summary>
internal sealed class FormReading(InvoiceForm form, bool complete)
{
    private const decimal MaxAmount = 999_999_999_999m;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public void Error(string field, string message) => Errors.TryAdd(field, message);

    public Invoice Read(Structure seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        CheckSizes();
        var number = Text(form.Number);
        var cadre = InvoiceFormChoices.Cadres.Any(c => c.Code == form.Cadre) ? form.Cadre : null;
        var type = InvoiceFormChoices.Types.Any(t => t.Code == form.TypeCode) ? form.TypeCode : null;
        var issue = ReadDate(nameof(InvoiceForm.IssueDate), form.IssueDate, "La date d'émission");
        var due = ReadDate(nameof(InvoiceForm.DueDate), form.DueDate, "La date d'échéance");
        var iban = TypedValues.Compact(form.Iban);
        var bic = TypedValues.Compact(form.Bic);
        var vatId = TypedValues.Compact(form.SellerVatId);
        var invoice = new Invoice
        {
            Number = number,
            IssueDate = issue,
            DueDate = due,
            TypeCode = type ?? "380",
            CurrencyCode = "EUR",
            BusinessProcessType = cadre ?? "A1",
            SpecificationId = "urn:cen.eu:en16931:2017",
            BuyerReference = Text(form.ServiceCode),
            PurchaseOrderReference = Text(form.EngagementNumber),
            PaymentTerms = Text(form.PaymentTerms),
            Seller = new Seller
            {
                Name = seller.RaisonSociale,
                LegalRegistrationId = new Identifier(seller.Siret, "0009"),
                VatId = vatId.Length == 0 ? null : vatId,
                Address = new PostalAddress
                {
                    Line1 = seller.AddressLine, Line2 = seller.AddressComplement, PostCode = seller.PostalCode, City = seller.City, CountryCode = seller.CountryCode,
                },
            },
            Buyer = new Buyer { LegalRegistrationId = new Identifier(SiretRules.Normalize(form.RecipientSiret), "0009") },
        };
        if (iban.Length > 0)
        {
            invoice.PaymentInstructions = new PaymentInstructions
            {
                MeansCode = "30",
                CreditTransfers = { new CreditTransfer { AccountId = iban, AccountName = seller.RaisonSociale, ServiceProviderId = bic.Length == 0 ? null : bic } },
            };
        }
        if (form.IsCreditNote && Text(form.OriginalNumber) is { } original)
        {
            invoice.PrecedingInvoices.Add(new PrecedingInvoiceReference { Number = original });
        }
        ReadLines(invoice);

        if (complete)
        {
            if (cadre is null) Error(nameof(InvoiceForm.Cadre), "Choisissez le cadre de facturation (A1, A2, A9 ou A12).");
            if (type is null) Error(nameof(InvoiceForm.TypeCode), "Choisissez le type de document : facture ou avoir.");
            CheckNumber(nameof(InvoiceForm.Number), number, "Le numéro de facture");
            if (form.IsCreditNote)
            {
                if (Text(form.OriginalNumber) is null) Error(nameof(InvoiceForm.OriginalNumber), "Indiquez le numéro de la facture d'origine : un avoir annule tout ou partie d'une facture.");
                else CheckNumber(nameof(InvoiceForm.OriginalNumber), Text(form.OriginalNumber), "Le numéro de la facture d'origine");
            }
            if (issue is null && Text(form.IssueDate) is null) Error(nameof(InvoiceForm.IssueDate), "Indiquez la date d'émission de la facture.");
            if (issue is { } i && due is { } d && d < i) Error(nameof(InvoiceForm.DueDate), "La date d'échéance ne peut pas précéder la date d'émission.");
            var paidOrCredit = cadre == "A2" || form.IsCreditNote;
            if (!paidOrCredit && due is null && Text(form.DueDate) is null && invoice.PaymentTerms is null)
                Error(nameof(InvoiceForm.DueDate), "Indiquez la date d'échéance ou les conditions de paiement.");
            CheckRecipient();
            if (Text(form.EngagementNumber) is { Length: > 50 } ej)
                Error(nameof(InvoiceForm.EngagementNumber), $"Le numéro d'engagement juridique ne doit pas dépasser 50 caractères (il en compte {ej.Length}).");
            if (Text(form.ServiceCode) is { Length: > 100 } sc)
                Error(nameof(InvoiceForm.ServiceCode), $"Le code service ne doit pas dépasser 100 caractères (il en compte {sc.Length}).");
            if (vatId.Length == 0) Error(nameof(InvoiceForm.SellerVatId), "Indiquez votre numéro de TVA intracommunautaire (par exemple FR32843217654).");
            else if (!TypedValues.IsVatId(vatId)) Error(nameof(InvoiceForm.SellerVatId), $"Le numéro de TVA « {form.SellerVatId} » n'a pas la forme attendue : deux lettres du pays puis 2 à 13 chiffres ou lettres (par exemple FR32843217654).");
            if (iban.Length == 0 && !paidOrCredit) Error(nameof(InvoiceForm.Iban), "Indiquez l'IBAN du compte sur lequel la facture doit être payée.");
            else if (iban.Length > 0 && !TypedValues.IsIban(iban)) Error(nameof(InvoiceForm.Iban), $"L'IBAN « {form.Iban} » n'est pas valide (sa clé de contrôle ne correspond pas) : recopiez-le depuis votre relevé d'identité bancaire.");
            if (bic.Length > 0 && !TypedValues.IsBic(bic)) Error(nameof(InvoiceForm.Bic), $"Le BIC « {form.Bic} » n'est pas valide : il compte 8 ou 11 lettres et chiffres (par exemple BNPAFRPPXXX).");
        }
        return invoice;
    }

    private void CheckRecipient()
    {
        var siret = SiretRules.Normalize(form.RecipientSiret);
        if (siret.Length == 0) Error(nameof(InvoiceForm.RecipientSiret), "Indiquez le SIRET du destinataire, ou cherchez-le par son nom dans l'annuaire.");
        else if (siret.Length != 14 || !siret.All(char.IsAsciiDigit)) Error(nameof(InvoiceForm.RecipientSiret), $"Le SIRET « {form.RecipientSiret} » doit compter 14 chiffres.");
    }

    private void CheckNumber(string field, string? number, string what)
    {
        if (number is null) Error(field, $"{what} est obligatoire.");
        else if (number.Length > 20) Error(field, $"{what} ne doit pas dépasser 20 caractères (il en compte {number.Length}).");
        else if (!TypedValues.IsInvoiceNumber(number)) Error(field, $"{what} ne peut contenir que des lettres sans accent, des chiffres et les signes - _ / +.");
    }

    private void ReadLines(Invoice invoice)
    {
        var reasons = new List<string>();
        for (var index = 0; index < form.Lines.Count; index++)
        {
            var line = form.Lines[index];
            if (line.IsEmpty) continue;
            var n = index + 1;
            string F(string name) => InvoiceForm.LineField(index, name);
            var quantity = ReadAmount(F(nameof(LineForm.Quantity)), line.Quantity, $"Ligne {n} : la quantité", 4);
            var price = ReadAmount(F(nameof(LineForm.UnitPrice)), line.UnitPrice, $"Ligne {n} : le prix unitaire HT", 6);
            var vat = InvoiceFormChoices.Vat(line.Vat);
            var unit = InvoiceFormChoices.Units.Any(u => u.Code == line.Unit) ? line.Unit : null;
            if (quantity is <= 0m) Error(F(nameof(LineForm.Quantity)), $"Ligne {n} : la quantité doit être supérieure à zéro ; pour un remboursement, émettez un avoir.");
            if (price is < 0m) Error(F(nameof(LineForm.UnitPrice)), $"Ligne {n} : le prix unitaire ne peut pas être négatif.");
            if (complete)
            {
                if (Text(line.Description) is null) Error(F(nameof(LineForm.Description)), $"Ligne {n} : indiquez la désignation de ce qui est facturé.");
                if (quantity is null && Text(line.Quantity) is null) Error(F(nameof(LineForm.Quantity)), $"Ligne {n} : indiquez la quantité.");
                if (price is null && Text(line.UnitPrice) is null) Error(F(nameof(LineForm.UnitPrice)), $"Ligne {n} : indiquez le prix unitaire HT.");
                if (unit is null) Error(F(nameof(LineForm.Unit)), $"Ligne {n} : choisissez l'unité.");
                if (vat is null) Error(F(nameof(LineForm.Vat)), $"Ligne {n} : choisissez le taux de TVA.");
                if (vat is ("E", _) && Text(line.ExemptionReason) is null)
                    Error(F(nameof(LineForm.ExemptionReason)), $"Ligne {n} : indiquez le motif d'exonération de TVA (par exemple « Exonération de TVA, article 261 du CGI »).");
            }
            if (vat is ("E", _) && Text(line.ExemptionReason) is { } reason) reasons.Add(reason);
            invoice.Lines.Add(new InvoiceLine
            {
                Id = (invoice.Lines.Count + 1).ToString(CultureInfo.InvariantCulture),
                Quantity = quantity ?? 0m,
                UnitCode = unit ?? "C62",
                Price = new PriceDetails { NetPrice = price ?? 0m },
                Vat = new LineVat { CategoryCode = vat?.Category ?? "S", Rate = vat?.Rate ?? 20m },
                Item = new Item { Name = Text(line.Description) },
            });
        }
        if (reasons.Count > 0)
        {
            // BT-120 belongs to the VAT breakdown: the exempt lines share one reason, the first given.
            invoice.VatBreakdowns.Add(new VatBreakdown { CategoryCode = "E", Rate = 0m, ExemptionReason = reasons[0] });
        }
        if (complete && invoice.Lines.Count == 0)
            Error(InvoiceForm.LineField(0, nameof(LineForm.Description)), "Saisissez au moins une ligne : désignation, quantité et prix unitaire.");
    }

    private decimal? ReadAmount(string field, string? text, string what, int maxDecimals)
    {
        if (Text(text) is null) return null;
        var value = TypedValues.ParseNumber(text);
        if (value is null)
        {
            Error(field, $"{what} « {text} » n'est pas un nombre : saisissez par exemple 1 250,50 ou 1250.50.");
            return null;
        }
        if (TypedValues.Decimals(value.Value) > maxDecimals)
        {
            Error(field, $"{what} compte plus de {maxDecimals} décimales.");
            return null;
        }
        if (Math.Abs(value.Value) > MaxAmount)
        {
            Error(field, $"{what} dépasse 999 999 999 999.");
            return null;
        }
        return value;
    }

    private DateOnly? ReadDate(string field, string? text, string what)
    {
        if (Text(text) is null) return null;
        var date = TypedValues.ParseDate(text);
        if (date is null) Error(field, $"{what} « {text} » n'est pas une date : saisissez-la au format JJ/MM/AAAA.");
        return date;
    }

    /// <summary>The only check a draft gets: sizes.</summary>
    public void CheckSizes()
    {
        if (form.Lines.Count > InvoiceForm.MaxLines)
            Error(InvoiceForm.LineField(0, nameof(LineForm.Description)), $"Une facture saisie compte {InvoiceForm.MaxLines} lignes au plus.");
        foreach (var (name, value) in form.Fields())
        {
            if (value is { Length: > InvoiceForm.MaxTextLength })
                Error(name, $"Ce champ compte {value.Length} caractères : {InvoiceForm.MaxTextLength} au plus.");
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
