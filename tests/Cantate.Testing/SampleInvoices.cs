using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Syntax;

namespace Cantate.Testing;

/// <summary>Complete EN 16931 invoices from a supplier to a public structure, in the real formats.</summary>
public static class SampleInvoices
{
    public static Invoice Model(string number, string supplierSiret, string buyerSiret, string? serviceCode = null, string? engagement = null,
        decimal unitPrice = 100m, decimal quantity = 3m)
    {
        var invoice = new Invoice
        {
            Number = number,
            IssueDate = new DateOnly(2026, 11, 20),
            DueDate = new DateOnly(2026, 12, 20),
            TypeCode = "380",
            CurrencyCode = "EUR",
            BusinessProcessType = "A1",
            SpecificationId = "urn:cen.eu:en16931:2017",
            BuyerReference = serviceCode,
            PurchaseOrderReference = engagement,
            Seller = new Seller
            {
                Name = "ATELIER DUPONT MENUISERIE",
                LegalRegistrationId = new Identifier(supplierSiret, "0009"),
                VatId = "FR32843217654",
                Address = new PostalAddress { Line1 = "12 rue des Lilas", City = "Lyon", PostCode = "69003", CountryCode = "FR" },
            },
            Buyer = new Buyer
            {
                Name = "Client public",
                LegalRegistrationId = new Identifier(buyerSiret, "0009"),
                Address = new PostalAddress { Line1 = "20 avenue de Ségur", City = "Paris", PostCode = "75007", CountryCode = "FR" },
            },
            PaymentInstructions = new PaymentInstructions
            {
                MeansCode = "30",
                CreditTransfers = { new CreditTransfer { AccountId = "FR7630006000011234567890189", AccountName = "Atelier Dupont" } },
            },
            PaymentTerms = "Paiement à 30 jours",
        };
        invoice.Lines.Add(new InvoiceLine
        {
            Id = "1",
            Quantity = quantity,
            UnitCode = "C62",
            Price = new PriceDetails { NetPrice = unitPrice },
            Vat = new LineVat { CategoryCode = "S", Rate = 20m },
            Item = new Item { Name = "Fourniture et pose d'étagères" },
        });
        InvoiceTotals.Apply(invoice);
        return invoice;
    }

    public static byte[] Ubl(string number, string supplierSiret, string buyerSiret, string? serviceCode = null, string? engagement = null) =>
        InvoiceXml.ToBytes(UblWriter.Write(Model(number, supplierSiret, buyerSiret, serviceCode, engagement)));

    public static byte[] Cii(string number, string supplierSiret, string buyerSiret, string? serviceCode = null, string? engagement = null) =>
        InvoiceXml.ToBytes(CiiWriter.Write(Model(number, supplierSiret, buyerSiret, serviceCode, engagement)));

    public static byte[] FacturX(string number, string supplierSiret, string buyerSiret, string? serviceCode = null, string? engagement = null) =>
        FacturXWriter.Write(Model(number, supplierSiret, buyerSiret, serviceCode, engagement));
}
