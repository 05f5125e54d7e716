using System.Xml.Linq;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Syntax;

/// <summary>
/// Reads a UN/CEFACT Cross Industry Invoice (D16B, the EN 16931 binding, or the D22B superset used by
/// Factur-X and the French reform) into the EN 16931 model, following CEN/TS 16931-3-3. Elements outside
/// the binding (Factur-X EXTENDED terms...) are ignored.
/// </summary>
public static class CiiReader
{
    private static readonly XNamespace Rsm = Namespaces.Rsm;
    private static readonly XNamespace Ram = Namespaces.Ram;

    /// <summary>True when the root element is <c>rsm:CrossIndustryInvoice</c>.</summary>
    public static bool CanRead(XDocument document) =>
        document?.Root is { } root && root.Name == Rsm + "CrossIndustryInvoice";

    /// <summary>Reads the document into a new <see cref="Invoice"/>.</summary>
    /// <param name="document">An already loaded (and safely parsed) XML document.</param>
    /// <exception cref="InvoiceReadException">The root is not a CII invoice, or a value does not fit its type.</exception>
    public static Invoice Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!CanRead(document))
        {
            throw new InvoiceReadException($"The root element {document.Root?.Name.ToString() ?? "(none)"} is not a UN/CEFACT CrossIndustryInvoice.");
        }

        var root = document.Root!;
        var context = root.Child(Rsm + "ExchangedDocumentContext");
        var header = root.Child(Rsm + "ExchangedDocument");
        var transaction = root.Child(Rsm + "SupplyChainTradeTransaction");
        var agreement = transaction.Child(Ram + "ApplicableHeaderTradeAgreement");
        var delivery = transaction.Child(Ram + "ApplicableHeaderTradeDelivery");
        var settlement = transaction.Child(Ram + "ApplicableHeaderTradeSettlement");
        var additional = agreement.Children(Ram + "AdditionalReferencedDocument").ToList();
        var taxes = settlement.Children(Ram + "ApplicableTradeTax").ToList();
        var terms = settlement.Children(Ram + "SpecifiedTradePaymentTerms").ToList();

        var invoice = new Invoice
        {
            Number = header.Child(Ram + "ID").Text(),
            IssueDate = header.Child(Ram + "IssueDateTime").CiiDate(),
            TypeCode = header.Child(Ram + "TypeCode").Text(),
            CurrencyCode = settlement.Child(Ram + "InvoiceCurrencyCode").Text(),
            VatAccountingCurrencyCode = settlement.Child(Ram + "TaxCurrencyCode").Text(),
            VatPointDate = taxes.Select(t => t.Child(Ram + "TaxPointDate").CiiDate()).FirstOrDefault(d => d is not null),
            VatPointDateCode = VatPointDateCodes.FromCii(taxes.Select(t => t.Child(Ram + "DueDateTypeCode").Text()).FirstOrDefault(c => c is not null)),
            DueDate = terms.Select(t => t.Child(Ram + "DueDateDateTime").CiiDate()).FirstOrDefault(d => d is not null),
            BuyerReference = agreement.Child(Ram + "BuyerReference").Text(),
            ProjectReference = agreement.Path(Ram + "SpecifiedProcuringProject", Ram + "ID").Text(),
            ContractReference = agreement.Path(Ram + "ContractReferencedDocument", Ram + "IssuerAssignedID").Text(),
            PurchaseOrderReference = agreement.Path(Ram + "BuyerOrderReferencedDocument", Ram + "IssuerAssignedID").Text(),
            SalesOrderReference = agreement.Path(Ram + "SellerOrderReferencedDocument", Ram + "IssuerAssignedID").Text(),
            ReceivingAdviceReference = delivery.Path(Ram + "ReceivingAdviceReferencedDocument", Ram + "IssuerAssignedID").Text(),
            DespatchAdviceReference = delivery.Path(Ram + "DespatchAdviceReferencedDocument", Ram + "IssuerAssignedID").Text(),
            TenderOrLotReference = additional.Where(d => TypeCodeOf(d) == "50").Select(d => d.Child(Ram + "IssuerAssignedID").Text()).FirstOrDefault(),
            InvoicedObjectId = additional.Where(d => TypeCodeOf(d) == "130").Select(ObjectIdentifier).FirstOrDefault(),
            BuyerAccountingReference = settlement.Path(Ram + "ReceivableSpecifiedTradeAccountingAccount", Ram + "ID").Text(),
            PaymentTerms = terms.Select(t => t.Child(Ram + "Description").Text()).FirstOrDefault(d => d is not null),
            BusinessProcessType = context.Path(Ram + "BusinessProcessSpecifiedDocumentContextParameter", Ram + "ID").Text(),
            SpecificationId = context.Path(Ram + "GuidelineSpecifiedDocumentContextParameter", Ram + "ID").Text(),
            Seller = ReadSeller(agreement.Child(Ram + "SellerTradeParty")),
            Buyer = ReadBuyer(agreement.Child(Ram + "BuyerTradeParty")),
            Payee = ReadPayee(settlement.Child(Ram + "PayeeTradeParty")),
            TaxRepresentative = ReadTaxRepresentative(agreement.Child(Ram + "SellerTaxRepresentativeTradeParty")),
            Delivery = ReadDelivery(delivery),
            InvoicingPeriod = ReadPeriod(settlement.Child(Ram + "BillingSpecifiedPeriod")),
            PaymentInstructions = ReadPaymentInstructions(settlement, terms),
            Totals = ReadTotals(settlement),
        }.At(root);

        foreach (var note in header.Children(Ram + "IncludedNote"))
        {
            invoice.Notes.Add(new InvoiceNote
            {
                SubjectCode = note.Child(Ram + "SubjectCode").Text(),
                Text = note.Child(Ram + "Content").Text(),
            }.At(note));
        }

        foreach (var reference in settlement.Children(Ram + "InvoiceReferencedDocument"))
        {
            invoice.PrecedingInvoices.Add(new PrecedingInvoiceReference
            {
                Number = reference.Child(Ram + "IssuerAssignedID").Text(),
                IssueDate = reference.Child(Ram + "FormattedIssueDateTime").CiiDate(),
            }.At(reference));
        }

        foreach (var charge in settlement.Children(Ram + "SpecifiedTradeAllowanceCharge"))
        {
            var tax = charge.Child(Ram + "CategoryTradeTax");
            invoice.AllowanceCharges.Add(new DocumentAllowanceCharge
            {
                IsCharge = IsCharge(charge),
                Amount = charge.Child(Ram + "ActualAmount").Decimal(),
                BaseAmount = charge.Child(Ram + "BasisAmount").Decimal(),
                Percentage = charge.Child(Ram + "CalculationPercent").Decimal(),
                VatCategoryCode = tax.Child(Ram + "CategoryCode").Text(),
                VatRate = tax.Child(Ram + "RateApplicablePercent").Decimal(),
                Reason = charge.Child(Ram + "Reason").Text(),
                ReasonCode = charge.Child(Ram + "ReasonCode").Text(),
            }.At(charge));
        }

        foreach (var tax in taxes)
        {
            invoice.VatBreakdowns.Add(new VatBreakdown
            {
                TaxableAmount = tax.Child(Ram + "BasisAmount").Decimal(),
                TaxAmount = tax.Child(Ram + "CalculatedAmount").Decimal(),
                CategoryCode = tax.Child(Ram + "CategoryCode").Text(),
                Rate = tax.Child(Ram + "RateApplicablePercent").Decimal(),
                ExemptionReason = tax.Child(Ram + "ExemptionReason").Text(),
                ExemptionReasonCode = tax.Child(Ram + "ExemptionReasonCode").Text(),
            }.At(tax));
        }

        foreach (var supporting in additional.Where(d => TypeCodeOf(d) is not ("50" or "130")))
        {
            var binary = supporting.Child(Ram + "AttachmentBinaryObject");
            invoice.SupportingDocuments.Add(new SupportingDocument
            {
                Reference = supporting.Child(Ram + "IssuerAssignedID").Text(),
                Description = supporting.Child(Ram + "Name").Text(),
                ExternalLocation = supporting.Child(Ram + "URIID").Text(),
                Attachment = binary is null ? null : Binary.Read(binary),
            }.At(supporting));
        }

        foreach (var line in transaction.Children(Ram + "IncludedSupplyChainTradeLineItem"))
        {
            invoice.Lines.Add(ReadLine(line));
        }

        return invoice;
    }

    private static string? TypeCodeOf(XElement document) => document.Child(Ram + "TypeCode").Text();

    private static Identifier? ObjectIdentifier(XElement document) =>
        document.Child(Ram + "IssuerAssignedID").Text() is { } value
            ? new Identifier(value, document.Child(Ram + "ReferenceTypeCode").Text())
            : null;

    private static bool IsCharge(XElement charge) =>
        string.Equals(charge.Path(Ram + "ChargeIndicator").Text(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>BT-29 / BT-46 / BT-60 / BT-71: ram:ID (no scheme) and ram:GlobalID (with a scheme), in document order.</summary>
    private static IEnumerable<Identifier> PartyIdentifiers(XElement party) =>
        party.Elements().Where(e => e.Name == Ram + "ID" || e.Name == Ram + "GlobalID").Select(e => e.Identifier()).OfType<Identifier>();

    private static string? TaxRegistration(XElement party, string scheme) =>
        party.Elements(Ram + "SpecifiedTaxRegistration").Select(r => r.Child(Ram + "ID"))
            .Where(id => string.Equals(id.Attr("schemeID"), scheme, StringComparison.OrdinalIgnoreCase))
            .Select(id => id.Text()).FirstOrDefault();

    private static Seller? ReadSeller(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        var seller = new Seller
        {
            Name = party.Child(Ram + "Name").Text(),
            TradingName = party.Path(Ram + "SpecifiedLegalOrganization", Ram + "TradingBusinessName").Text(),
            LegalRegistrationId = party.Path(Ram + "SpecifiedLegalOrganization", Ram + "ID").Identifier(),
            VatId = TaxRegistration(party, "VA"),
            TaxRegistrationId = TaxRegistration(party, "FC"),
            AdditionalLegalInformation = party.Child(Ram + "Description").Text(),
            ElectronicAddress = party.Path(Ram + "URIUniversalCommunication", Ram + "URIID").Identifier(),
            Address = ReadAddress(party.Child(Ram + "PostalTradeAddress")),
            Contact = ReadContact(party.Child(Ram + "DefinedTradeContact")),
        }.At(party);
        foreach (var id in PartyIdentifiers(party))
        {
            seller.Identifiers.Add(id);
        }

        return seller;
    }

    private static Buyer? ReadBuyer(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        return new Buyer
        {
            Name = party.Child(Ram + "Name").Text(),
            TradingName = party.Path(Ram + "SpecifiedLegalOrganization", Ram + "TradingBusinessName").Text(),
            Identifier = PartyIdentifiers(party).FirstOrDefault(),
            LegalRegistrationId = party.Path(Ram + "SpecifiedLegalOrganization", Ram + "ID").Identifier(),
            VatId = TaxRegistration(party, "VA"),
            ElectronicAddress = party.Path(Ram + "URIUniversalCommunication", Ram + "URIID").Identifier(),
            Address = ReadAddress(party.Child(Ram + "PostalTradeAddress")),
            Contact = ReadContact(party.Child(Ram + "DefinedTradeContact")),
        }.At(party);
    }

    private static Payee? ReadPayee(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        return new Payee
        {
            Name = party.Child(Ram + "Name").Text(),
            Identifier = PartyIdentifiers(party).FirstOrDefault(),
            LegalRegistrationId = party.Path(Ram + "SpecifiedLegalOrganization", Ram + "ID").Identifier(),
        }.At(party);
    }

    private static TaxRepresentative? ReadTaxRepresentative(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        return new TaxRepresentative
        {
            Name = party.Child(Ram + "Name").Text(),
            VatId = TaxRegistration(party, "VA"),
            Address = ReadAddress(party.Child(Ram + "PostalTradeAddress")),
        }.At(party);
    }

    private static PostalAddress? ReadAddress(XElement? address)
    {
        if (address is null)
        {
            return null;
        }

        return new PostalAddress
        {
            Line1 = address.Child(Ram + "LineOne").Text(),
            Line2 = address.Child(Ram + "LineTwo").Text(),
            Line3 = address.Child(Ram + "LineThree").Text(),
            City = address.Child(Ram + "CityName").Text(),
            PostCode = address.Child(Ram + "PostcodeCode").Text(),
            CountrySubdivision = address.Child(Ram + "CountrySubDivisionName").Text(),
            CountryCode = address.Child(Ram + "CountryID").Text(),
        }.At(address);
    }

    private static Contact? ReadContact(XElement? contact)
    {
        if (contact is null)
        {
            return null;
        }

        return new Contact
        {
            Name = contact.Child(Ram + "PersonName").Text() ?? contact.Child(Ram + "DepartmentName").Text(),
            Telephone = contact.Path(Ram + "TelephoneUniversalCommunication", Ram + "CompleteNumber").Text(),
            Email = contact.Path(Ram + "EmailURIUniversalCommunication", Ram + "URIID").Text(),
        }.At(contact);
    }

    private static Delivery? ReadDelivery(XElement? delivery)
    {
        var shipTo = delivery.Child(Ram + "ShipToTradeParty");
        var date = delivery.Path(Ram + "ActualDeliverySupplyChainEvent", Ram + "OccurrenceDateTime").CiiDate();
        if (delivery is null || (shipTo is null && date is null))
        {
            return null;
        }

        return new Delivery
        {
            PartyName = shipTo.Child(Ram + "Name").Text(),
            LocationId = shipTo is null ? null : PartyIdentifiers(shipTo).FirstOrDefault(),
            ActualDeliveryDate = date,
            Address = ReadAddress(shipTo.Child(Ram + "PostalTradeAddress")),
        }.At(delivery);
    }

    private static Period? ReadPeriod(XElement? period)
    {
        var start = period.Child(Ram + "StartDateTime").CiiDate();
        var end = period.Child(Ram + "EndDateTime").CiiDate();
        if (period is null || (start is null && end is null))
        {
            return null;
        }

        return new Period { StartDate = start, EndDate = end }.At(period);
    }

    private static PaymentInstructions? ReadPaymentInstructions(XElement? settlement, List<XElement> terms)
    {
        var means = settlement.Children(Ram + "SpecifiedTradeSettlementPaymentMeans").ToList();
        var remittance = settlement.Child(Ram + "PaymentReference").Text();
        var creditorId = settlement.Child(Ram + "CreditorReferenceID").Text();
        var mandate = terms.Select(t => t.Child(Ram + "DirectDebitMandateID").Text()).FirstOrDefault(m => m is not null);
        if (means.Count == 0 && remittance is null && creditorId is null && mandate is null)
        {
            return null;
        }

        var first = means.FirstOrDefault();
        var instructions = new PaymentInstructions
        {
            MeansCode = first.Child(Ram + "TypeCode").Text(),
            MeansText = first.Child(Ram + "Information").Text(),
            RemittanceInformation = remittance,
        };
        if (first is not null)
        {
            instructions.At(first);
        }

        foreach (var payment in means)
        {
            var account = payment.Child(Ram + "PayeePartyCreditorFinancialAccount");
            if (account is null)
            {
                continue;
            }

            instructions.CreditTransfers.Add(new CreditTransfer
            {
                AccountId = account.Child(Ram + "IBANID").Text() ?? account.Child(Ram + "ProprietaryID").Text(),
                AccountName = account.Child(Ram + "AccountName").Text(),
                ServiceProviderId = payment.Path(Ram + "PayeeSpecifiedCreditorFinancialInstitution", Ram + "BICID").Text(),
            }.At(account));
        }

        if (means.Select(m => m.Child(Ram + "ApplicableTradeSettlementFinancialCard")).FirstOrDefault(c => c is not null) is { } card)
        {
            instructions.Card = new PaymentCard
            {
                PrimaryAccountNumber = card.Child(Ram + "ID").Text(),
                HolderName = card.Child(Ram + "CardholderName").Text(),
            }.At(card);
        }

        var debtor = means.Select(m => m.Child(Ram + "PayerPartyDebtorFinancialAccount")).FirstOrDefault(d => d is not null);
        if (mandate is not null || creditorId is not null || debtor is not null)
        {
            instructions.DirectDebit = new DirectDebit
            {
                MandateReference = mandate,
                CreditorId = creditorId,
                DebitedAccountId = debtor.Child(Ram + "IBANID").Text() ?? debtor.Child(Ram + "ProprietaryID").Text(),
            };
            if (debtor is not null)
            {
                instructions.DirectDebit.At(debtor);
            }
        }

        return instructions;
    }

    private static DocumentTotals? ReadTotals(XElement? settlement)
    {
        var sums = settlement.Child(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation");
        if (sums is null)
        {
            return null;
        }

        var currency = settlement.Child(Ram + "InvoiceCurrencyCode").Text();
        var accountingCurrency = settlement.Child(Ram + "TaxCurrencyCode").Text();
        var taxTotals = sums.Elements(Ram + "TaxTotalAmount").ToList();
        // BT-110 carries the invoice currency (or none); BT-111 the VAT accounting currency.
        var vatTotal = taxTotals.FirstOrDefault(t => t.Attr("currencyID") is null || t.Attr("currencyID") == currency)
            ?? (accountingCurrency is null ? taxTotals.FirstOrDefault() : taxTotals.FirstOrDefault(t => t.Attr("currencyID") != accountingCurrency));
        var vatInAccounting = accountingCurrency is null || accountingCurrency == currency
            ? null
            : taxTotals.FirstOrDefault(t => t.Attr("currencyID") == accountingCurrency && t != vatTotal);
        return new DocumentTotals
        {
            LineNetTotal = sums.Child(Ram + "LineTotalAmount").Decimal(),
            AllowanceTotal = sums.Child(Ram + "AllowanceTotalAmount").Decimal(),
            ChargeTotal = sums.Child(Ram + "ChargeTotalAmount").Decimal(),
            TaxExclusiveAmount = sums.Child(Ram + "TaxBasisTotalAmount").Decimal(),
            VatTotal = vatTotal.Decimal(),
            VatTotalInAccountingCurrency = vatInAccounting.Decimal(),
            TaxInclusiveAmount = sums.Child(Ram + "GrandTotalAmount").Decimal(),
            PaidAmount = sums.Child(Ram + "TotalPrepaidAmount").Decimal(),
            RoundingAmount = sums.Child(Ram + "RoundingAmount").Decimal(),
            AmountDue = sums.Child(Ram + "DuePayableAmount").Decimal(),
        }.At(sums);
    }

    private static InvoiceLine ReadLine(XElement line)
    {
        var document = line.Child(Ram + "AssociatedDocumentLineDocument");
        var agreement = line.Child(Ram + "SpecifiedLineTradeAgreement");
        var settlement = line.Child(Ram + "SpecifiedLineTradeSettlement");
        var quantity = line.Path(Ram + "SpecifiedLineTradeDelivery", Ram + "BilledQuantity");
        var tax = settlement.Child(Ram + "ApplicableTradeTax");
        var product = line.Child(Ram + "SpecifiedTradeProduct");
        var result = new InvoiceLine
        {
            Id = document.Child(Ram + "LineID").Text(),
            Note = document.Children(Ram + "IncludedNote").Select(n => n.Child(Ram + "Content").Text()).FirstOrDefault(n => n is not null),
            ObjectId = settlement.Children(Ram + "AdditionalReferencedDocument").Where(d => TypeCodeOf(d) == "130").Select(ObjectIdentifier).FirstOrDefault(),
            Quantity = quantity.Decimal(),
            UnitCode = quantity.Attr("unitCode"),
            NetAmount = settlement.Path(Ram + "SpecifiedTradeSettlementLineMonetarySummation", Ram + "LineTotalAmount").Decimal(),
            OrderLineReference = agreement.Path(Ram + "BuyerOrderReferencedDocument", Ram + "LineID").Text(),
            BuyerAccountingReference = settlement.Path(Ram + "ReceivableSpecifiedTradeAccountingAccount", Ram + "ID").Text(),
            Period = ReadPeriod(settlement.Child(Ram + "BillingSpecifiedPeriod")),
            Price = ReadPrice(agreement),
            Vat = tax is null ? null : new LineVat
            {
                CategoryCode = tax.Child(Ram + "CategoryCode").Text(),
                Rate = tax.Child(Ram + "RateApplicablePercent").Decimal(),
            }.At(tax),
            Item = product is null ? null : ReadItem(product),
        }.At(line);

        foreach (var charge in settlement.Children(Ram + "SpecifiedTradeAllowanceCharge"))
        {
            result.AllowanceCharges.Add(new LineAllowanceCharge
            {
                IsCharge = IsCharge(charge),
                Amount = charge.Child(Ram + "ActualAmount").Decimal(),
                BaseAmount = charge.Child(Ram + "BasisAmount").Decimal(),
                Percentage = charge.Child(Ram + "CalculationPercent").Decimal(),
                Reason = charge.Child(Ram + "Reason").Text(),
                ReasonCode = charge.Child(Ram + "ReasonCode").Text(),
            }.At(charge));
        }

        return result;
    }

    private static PriceDetails? ReadPrice(XElement? agreement)
    {
        var net = agreement.Child(Ram + "NetPriceProductTradePrice");
        var gross = agreement.Child(Ram + "GrossPriceProductTradePrice");
        if (net is null && gross is null)
        {
            return null;
        }

        var baseQuantity = net.Child(Ram + "BasisQuantity") ?? gross.Child(Ram + "BasisQuantity");
        var discount = gross.Children(Ram + "AppliedTradeAllowanceCharge").FirstOrDefault(c => !IsCharge(c));
        return new PriceDetails
        {
            NetPrice = net.Child(Ram + "ChargeAmount").Decimal(),
            Discount = discount.Child(Ram + "ActualAmount").Decimal(),
            GrossPrice = gross.Child(Ram + "ChargeAmount").Decimal(),
            BaseQuantity = baseQuantity.Decimal(),
            BaseQuantityUnitCode = baseQuantity.Attr("unitCode"),
        }.At(net ?? gross!);
    }

    private static Item ReadItem(XElement product)
    {
        var item = new Item
        {
            Name = product.Child(Ram + "Name").Text(),
            Description = product.Child(Ram + "Description").Text(),
            SellerId = product.Child(Ram + "SellerAssignedID").Text(),
            BuyerId = product.Child(Ram + "BuyerAssignedID").Text(),
            StandardId = product.Child(Ram + "GlobalID").Identifier(),
            CountryOfOrigin = product.Path(Ram + "OriginTradeCountry", Ram + "ID").Text(),
        }.At(product);

        foreach (var code in product.Elements(Ram + "DesignatedProductClassification").Select(c => c.Child(Ram + "ClassCode")).OfType<XElement>())
        {
            if (code.Text() is { } value)
            {
                item.Classifications.Add(new ItemClassification(value, code.Attr("listID"), code.Attr("listVersionID")));
            }
        }

        foreach (var characteristic in product.Elements(Ram + "ApplicableProductCharacteristic"))
        {
            item.Attributes.Add(new ItemProperty
            {
                Name = characteristic.Child(Ram + "Description").Text(),
                Value = characteristic.Child(Ram + "Value").Text(),
            }.At(characteristic));
        }

        return item;
    }
}
