using Cantate.Invoicing.Parsing;

namespace Cantate.Web.Modules.Invoices.Features.DepositInvoice;

/// <summary>What the platform keeps of the EN 16931 model on the invoice record.</summary>
public static class InvoiceDrafts
{
    public static InvoiceDraft From(Cantate.Invoicing.Model.Invoice model, InvoiceSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(model);
        var buyerSiret = model.Buyer?.LegalRegistrationId is { SchemeId: "0009" or null } legal ? legal.Value
            : model.Buyer?.Identifier is { SchemeId: "0009" } id ? id.Value : model.Buyer?.LegalRegistrationId?.Value;
        return new InvoiceDraft
        {
            Number = model.Number ?? string.Empty,
            TypeCode = model.TypeCode ?? "380",
            Cadre = string.IsNullOrWhiteSpace(model.BusinessProcessType) ? "A1" : model.BusinessProcessType.Trim(),
            IssueDate = model.IssueDate ?? default,
            DueDate = model.DueDate,
            Currency = model.CurrencyCode ?? "EUR",
            TotalWithoutVat = model.Totals?.TaxExclusiveAmount ?? 0m,
            TotalVat = model.Totals?.VatTotal ?? 0m,
            TotalWithVat = model.Totals?.TaxInclusiveAmount ?? 0m,
            AmountDue = model.Totals?.AmountDue ?? 0m,
            SupplierName = model.Seller?.Name ?? string.Empty,
            SupplierSiret = model.Seller?.LegalRegistrationId?.Value,
            RecipientSiret = buyerSiret?.Replace(" ", "", StringComparison.Ordinal) ?? string.Empty,
            ServiceCode = string.IsNullOrWhiteSpace(model.BuyerReference) ? null : model.BuyerReference.Trim(),
            EngagementNumber = string.IsNullOrWhiteSpace(model.PurchaseOrderReference) ? null : model.PurchaseOrderReference.Trim(),
            Syntax = syntax switch
            {
                InvoiceSyntax.UblInvoice => "UBL-Invoice",
                InvoiceSyntax.UblCreditNote => "UBL-CreditNote",
                InvoiceSyntax.Cii => "CII",
                _ => "FACTURX",
            },
        };
    }
}
