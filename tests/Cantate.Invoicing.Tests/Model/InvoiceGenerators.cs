using System.Text;
using Cantate.Invoicing.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Cantate.Invoicing.Tests.Model;

/// <summary>
/// FsCheck generators of EN 16931 invoices.
/// <list type="bullet">
/// <item><see cref="ConsistentInvoice"/>: a French B2G invoice or credit note that satisfies the EN 16931
/// rules (mandatory terms, VAT categories S / Z / E with their rules, totals computed by
/// <see cref="InvoiceTotals"/>), for "the validator accepts it and rejects each single corruption".</item>
/// <item><see cref="FullInvoice"/>: the same with every optional business term filled, for round trips
/// through the syntaxes.</item>
/// </list>
/// Use them in a property with <c>[Property(Arbitrary = [typeof(InvoiceGenerators)])]</c> and an
/// <see cref="Invoice"/> parameter (consistent invoices), or <c>Prop.ForAll(InvoiceGenerators.FullInvoice().ToArbitrary(), ...)</c>.
/// </summary>
public static class InvoiceGenerators
{
    private static readonly string[] Words =
        ["Fournitures", "Prestation", "Maintenance", "Formation", "Conseil", "Licence", "Papier", "Cartouche", "Audit", "Support"];

    private static readonly string[] Cities = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Rennes"];

    private static readonly string[] Units = ["C62", "HUR", "DAY", "KGM", "MTR", "LTR"];

    private static readonly decimal[] StandardRates = [20.00m, 10.00m, 5.50m, 2.10m];

    /// <summary>Registers <see cref="ConsistentInvoice"/> as the arbitrary of <see cref="Invoice"/>.</summary>
    public static Arbitrary<Invoice> Invoice() => ConsistentInvoice().ToArbitrary();

    /// <summary>A consistent invoice (or credit note): only the terms a French public buyer expects.</summary>
    public static Gen<Invoice> ConsistentInvoice() => Build(full: false);

    /// <summary>A consistent invoice with every optional business term of EN 16931 present.</summary>
    public static Gen<Invoice> FullInvoice() => Build(full: true);

    /// <summary>A generated value printed with its seed-independent content (for failure messages).</summary>
    public static string Describe(Invoice invoice) => string.Join('\n', ModelDump.Lines(invoice));

    private static Gen<string> Code(string prefix, int max = 99999) => Gen.Choose(1, max).Select(n => prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Gen<string> Digits(int count) =>
        Gen.ArrayOf(Gen.Choose(0, 9), count).Select(d => string.Concat(d.Select(x => (char)('0' + x))));

    private static Gen<DateOnly> Date(int fromYear = 2025) =>
        from days in Gen.Choose(0, 700)
        select new DateOnly(fromYear, 1, 1).AddDays(days);

    /// <summary>A decimal with the given number of decimals between min and max (in units).</summary>
    private static Gen<decimal> Amount(int min, int max, int decimals) =>
        from whole in Gen.Choose(min, max)
        from fraction in Gen.Choose(0, (int)Math.Pow(10, decimals) - 1)
        select whole + (fraction / (decimal)Math.Pow(10, decimals));

    private static Gen<PostalAddress> Address(bool full) =>
        from street in Gen.Choose(1, 200)
        from city in Gen.Elements(Cities)
        from postCode in Gen.Choose(10000, 95999)
        select new PostalAddress
        {
            Line1 = $"{street} rue de la République",
            Line2 = full ? "Bâtiment B" : null,
            Line3 = full ? "3e étage" : null,
            City = city,
            PostCode = postCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CountrySubdivision = full ? "Île-de-France" : null,
            CountryCode = "FR",
        };

    private static Gen<Contact> Contact() =>
        from n in Gen.Choose(1, 999)
        from phone in Digits(8)
        select new Contact { Name = $"Service {n}", Telephone = "01" + phone, Email = $"contact{n}@example.fr" };

    private static Gen<Seller> Seller(bool full) =>
        from siren in Digits(9)
        from address in Address(full)
        from contact in Contact()
        from name in Gen.Elements("Papeterie Durand SAS", "Informatique Martin SARL", "Conseil Bernard EURL")
        select new Seller
        {
            Name = name,
            TradingName = full ? name.Split(' ')[0] : null,
            Identifiers = full ? [new Identifier("3" + siren + "0001"), new Identifier(siren + "00012", "0009")] : [],
            LegalRegistrationId = new Identifier(siren, "0002"),
            VatId = "FR12" + siren,
            TaxRegistrationId = full ? "TAX" + siren : null,
            AdditionalLegalInformation = full ? "SAS au capital de 10 000 €, RCS Paris " + siren : null,
            ElectronicAddress = new Identifier(siren, "0225"),
            Address = address,
            Contact = full ? contact : null,
        };

    private static Gen<Buyer> Buyer(bool full) =>
        from siret in Digits(14)
        from address in Address(full)
        from contact in Contact()
        from name in Gen.Elements("Commune de Saint-Martin", "Centre hospitalier de Lens", "Lycée Victor Hugo", "Ministère des Armées")
        select new Buyer
        {
            Name = name,
            TradingName = full ? "Services techniques" : null,
            Identifier = full ? new Identifier("B" + siret[..6]) : null,
            LegalRegistrationId = new Identifier(siret, "0009"),
            VatId = full ? "FR55" + siret[..9] : null,
            ElectronicAddress = new Identifier(siret, "0009"),
            Address = address,
            Contact = full ? contact : null,
        };

    private sealed record LineShape(string Category, decimal? Rate, decimal Quantity, decimal Price, string Unit, bool WithAllowance, bool WithCharge);

    private static Gen<LineShape> LineShapes() =>
        from category in Gen.Frequency((6, Gen.Constant("S")), (1, Gen.Constant("Z")), (1, Gen.Constant("E")))
        from rate in Gen.Elements(StandardRates)
        from quantity in Amount(1, 50, 2)
        from price in Amount(0, 2000, 2)
        from unit in Gen.Elements(Units)
        from allowance in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from charge in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new LineShape(category, category == "S" ? rate : 0.00m, quantity, price, unit, allowance, charge);

    private static InvoiceLine Line(int index, LineShape shape, string word, bool full)
    {
        var line = new InvoiceLine
        {
            Id = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Quantity = shape.Quantity,
            UnitCode = shape.Unit,
            Price = new PriceDetails
            {
                NetPrice = shape.Price,
                GrossPrice = full ? shape.Price + 1.00m : null,
                Discount = full ? 1.00m : null,
                BaseQuantity = full ? 1m : null,
                BaseQuantityUnitCode = full ? shape.Unit : null,
            },
            Vat = new LineVat { CategoryCode = shape.Category, Rate = shape.Rate },
            Item = new Item { Name = $"{word} {index + 1}" },
        };
        if (shape.WithAllowance || full)
        {
            line.AllowanceCharges.Add(new LineAllowanceCharge { IsCharge = false, BaseAmount = 100.00m, Percentage = 5.00m, Reason = "Remise", ReasonCode = "95" });
        }

        if (shape.WithCharge || full)
        {
            line.AllowanceCharges.Add(new LineAllowanceCharge { IsCharge = true, Amount = 4.90m, Reason = "Emballage", ReasonCode = "ABL" });
        }

        if (full)
        {
            line.Note = "Note de ligne " + (index + 1);
            line.ObjectId = new Identifier("OBJ-" + (index + 1), "AAB");
            line.OrderLineReference = (index + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            line.BuyerAccountingReference = "6064";
            line.Period = new Period { StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 1, 31) };
            line.Item.Description = "Description de " + word;
            line.Item.SellerId = "REF-" + index;
            line.Item.BuyerId = "ACH-" + index;
            line.Item.StandardId = new Identifier("0614141000036", "0160");
            line.Item.Classifications.Add(new ItemClassification("30192700", "STI", "2008"));
            line.Item.CountryOfOrigin = "FR";
            line.Item.Attributes.Add(new ItemProperty { Name = "Couleur", Value = "Bleu" });
        }

        return line;
    }

    private static Gen<Invoice> Build(bool full) =>
        from number in Code("F2026-")
        from issue in Date()
        from dueDays in Gen.Choose(0, 60)
        from creditNote in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from seller in Seller(full)
        from buyer in Buyer(full)
        from serviceCode in Code("SE", 999)
        from engagement in Digits(10)
        from iban in Digits(23)
        from shapes in Gen.NonEmptyListOf(LineShapes()).Select(l => WithExemptLine(l.Take(5).ToList(), full))
        from words in Gen.ArrayOf(Gen.Elements(Words), 6)
        from documentAllowance in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from documentCharge in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from paid in full ? Amount(0, 10, 2).Select(p => (decimal?)p) : Gen.Constant<decimal?>(null)
        select Assemble(full, number, issue, issue.AddDays(dueDays), creditNote, seller, buyer, serviceCode, engagement, "FR76" + iban,
            shapes.Select((s, i) => Line(i, s, words[i], full)).ToList(), documentAllowance, documentCharge, paid);

    /// <summary>A full invoice always has an exempt (E) line, so that the exemption reason terms are present.</summary>
    private static List<LineShape> WithExemptLine(List<LineShape> shapes, bool full)
    {
        if (full && shapes.TrueForAll(s => s.Category != "E"))
        {
            shapes.Add(new LineShape("E", 0.00m, 1.00m, 50.00m, "C62", false, false));
        }

        return shapes;
    }

    private static Invoice Assemble(
        bool full, string number, DateOnly issue, DateOnly due, bool creditNote, Seller seller, Buyer buyer, string serviceCode, string engagement,
        string iban, List<InvoiceLine> lines, bool documentAllowance, bool documentCharge, decimal? paid)
    {
        var invoice = new Invoice
        {
            Number = number,
            IssueDate = issue,
            TypeCode = creditNote ? InvoiceTypeCodes.CreditNote : InvoiceTypeCodes.CommercialInvoice,
            CurrencyCode = "EUR",
            DueDate = due,
            BuyerReference = serviceCode,
            PurchaseOrderReference = engagement,
            PaymentTerms = "Paiement à 30 jours. Pénalités de retard : 3 fois le taux d'intérêt légal.",
            BusinessProcessType = "A1",
            SpecificationId = "urn:cen.eu:en16931:2017",
            Seller = seller,
            Buyer = buyer,
            PaymentInstructions = new PaymentInstructions
            {
                MeansCode = "30",
                RemittanceInformation = number,
                CreditTransfers = { new CreditTransfer { AccountId = iban, ServiceProviderId = "BNPAFRPPXXX" } },
            },
            Lines = lines,
        };
        invoice.Notes.Add(new InvoiceNote { SubjectCode = "PMT", Text = "Indemnité forfaitaire pour frais de recouvrement : 40 €" });
        if (creditNote)
        {
            invoice.PrecedingInvoices.Add(new PrecedingInvoiceReference { Number = "F2025-1", IssueDate = issue.AddDays(-30) });
        }

        // Document allowances and charges use the VAT category and rate of the first line.
        var vat = lines[0].Vat!;
        if (documentAllowance || full)
        {
            invoice.AllowanceCharges.Add(new DocumentAllowanceCharge
            {
                IsCharge = false, Amount = 10.00m, VatCategoryCode = vat.CategoryCode, VatRate = vat.Rate, Reason = "Remise commerciale", ReasonCode = "95",
            });
        }

        if (documentCharge || full)
        {
            invoice.AllowanceCharges.Add(new DocumentAllowanceCharge
            {
                IsCharge = true, BaseAmount = 200.00m, Percentage = 2.50m, VatCategoryCode = vat.CategoryCode, VatRate = vat.Rate,
                Reason = "Frais de transport", ReasonCode = "FC",
            });
        }

        if (full)
        {
            Fill(invoice, paid);
        }

        InvoiceTotals.Apply(invoice);
        foreach (var breakdown in invoice.VatBreakdowns.Where(b => b.CategoryCode == "E"))
        {
            breakdown.ExemptionReason = "Exonération de TVA, article 261 du CGI";
            breakdown.ExemptionReasonCode = full ? "VATEX-EU-132" : null;
        }

        return invoice;
    }

    /// <summary>Every optional business term not set by the consistent generator.</summary>
    private static void Fill(Invoice invoice, decimal? paid)
    {
        if (invoice.PrecedingInvoices.Count == 0)
        {
            invoice.PrecedingInvoices.Add(new PrecedingInvoiceReference { Number = "F2025-9", IssueDate = invoice.IssueDate!.Value.AddDays(-60) });
        }

        invoice.VatPointDateCode = "3";
        invoice.ProjectReference = "PROJ-7";
        invoice.ContractReference = "MARCHE-2026-001";
        invoice.SalesOrderReference = "CMD-55";
        invoice.ReceivingAdviceReference = "REC-9";
        invoice.DespatchAdviceReference = "BL-12";
        invoice.TenderOrLotReference = "LOT-2";
        invoice.InvoicedObjectId = new Identifier("COMPTEUR-42", "AAB");
        invoice.BuyerAccountingReference = "6063";
        invoice.Notes.Add(new InvoiceNote { SubjectCode = "AAI", Text = "Livraison en deux fois" });
        invoice.Payee = new Payee { Name = "Affacturage Capital", Identifier = new Identifier("PAYEE-1"), LegalRegistrationId = new Identifier("552081317", "0002") };
        invoice.TaxRepresentative = new TaxRepresentative
        {
            Name = "Représentant fiscal SA",
            VatId = "FR61552081317",
            Address = new PostalAddress
            {
                Line1 = "1 avenue de France", Line2 = "Tour A", Line3 = "BP 12", City = "Paris", PostCode = "75013", CountrySubdivision = "Paris", CountryCode = "FR",
            },
        };
        invoice.Delivery = new Delivery
        {
            PartyName = "Entrepôt central",
            LocationId = new Identifier("3012345678901", "0088"),
            ActualDeliveryDate = invoice.IssueDate!.Value.AddDays(-2),
            Address = new PostalAddress { Line1 = "ZI Nord", Line2 = "Quai 4", Line3 = "Porte 2", City = "Lille", PostCode = "59000", CountrySubdivision = "Nord", CountryCode = "FR" },
        };
        invoice.InvoicingPeriod = new Period { StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 1, 31) };
        var payment = invoice.PaymentInstructions!;
        payment.MeansText = "Virement";
        payment.CreditTransfers[0].AccountName = "Compte principal";
        payment.CreditTransfers.Add(new CreditTransfer { AccountId = "12345678901", AccountName = "Compte secondaire", ServiceProviderId = "CCBPFRPPXXX" });
        payment.Card = new PaymentCard { PrimaryAccountNumber = "XXXX XXXX XXXX 1234", HolderName = "J. Dupont" };
        payment.DirectDebit = new DirectDebit { MandateReference = "MANDAT-1", CreditorId = "FR12ZZZ123456", DebitedAccountId = "FR7630006000011234567890189" };
        invoice.SupportingDocuments.Add(new SupportingDocument
        {
            Reference = "ANNEXE-1",
            Description = "Relevé des heures",
            ExternalLocation = "https://example.fr/annexe-1.pdf",
        });
        invoice.SupportingDocuments.Add(new SupportingDocument
        {
            Reference = "ANNEXE-2",
            Description = "Bon de livraison signé",
            Attachment = new Attachment { Content = Encoding.UTF8.GetBytes("%PDF-1.4 bon de livraison"), MimeCode = "application/pdf", FileName = "bl.pdf" },
        });
        invoice.Totals = new DocumentTotals { PaidAmount = paid, RoundingAmount = 0.00m };
    }
}
