using System.Xml.Linq;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Syntax;

/// <summary>
/// Reads an OASIS UBL 2.1 <c>Invoice</c> or <c>CreditNote</c> into the EN 16931 model, following the
/// CEN/TS 16931-3-2 binding. Elements outside the binding are ignored.
/// </summary>
public static class UblReader
{
    private static readonly XNamespace Cac = Namespaces.Cac;
    private static readonly XNamespace Cbc = Namespaces.Cbc;

    /// <summary>True when the root element is a UBL 2.1 Invoice or CreditNote.</summary>
    public static bool CanRead(XDocument document) =>
        document?.Root is { } root
        && ((root.Name.Namespace == Namespaces.UblInvoice && root.Name.LocalName == "Invoice")
            || (root.Name.Namespace == Namespaces.UblCreditNote && root.Name.LocalName == "CreditNote"));

    /// <summary>Reads the document into a new <see cref="Invoice"/>.</summary>
    /// <param name="document">An already loaded (and safely parsed) XML document.</param>
    /// <exception cref="InvoiceReadException">The root is not a UBL Invoice or CreditNote, or a value does not fit its type.</exception>
    public static Invoice Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!CanRead(document))
        {
            throw new InvoiceReadException($"The root element {document.Root?.Name.ToString() ?? "(none)"} is not a UBL 2.1 Invoice or CreditNote.");
        }

        var root = document.Root!;
        var isCreditNote = root.Name.LocalName == "CreditNote";
        var paymentMeans = root.Elements(Cac + "PaymentMeans").ToList();
        var additional = root.Elements(Cac + "AdditionalDocumentReference").ToList();

        var invoice = new Invoice
        {
            Number = root.Child(Cbc + "ID").Text(),
            IssueDate = root.Child(Cbc + "IssueDate").IsoDate(),
            TypeCode = root.Child(Cbc + (isCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode")).Text(),
            CurrencyCode = root.Child(Cbc + "DocumentCurrencyCode").Text(),
            VatAccountingCurrencyCode = root.Child(Cbc + "TaxCurrencyCode").Text(),
            VatPointDate = root.Child(Cbc + "TaxPointDate").IsoDate(),
            VatPointDateCode = root.Path(Cac + "InvoicePeriod", Cbc + "DescriptionCode").Text(),
            DueDate = root.Child(Cbc + "DueDate").IsoDate()
                ?? paymentMeans.Select(p => p.Child(Cbc + "PaymentDueDate").IsoDate()).FirstOrDefault(d => d is not null),
            BuyerReference = root.Child(Cbc + "BuyerReference").Text(),
            ProjectReference = root.Path(Cac + "ProjectReference", Cbc + "ID").Text()
                ?? (isCreditNote ? additional.Where(d => TypeCodeOf(d) == "50").Select(d => d.Child(Cbc + "ID").Text()).FirstOrDefault() : null),
            ContractReference = root.Path(Cac + "ContractDocumentReference", Cbc + "ID").Text(),
            PurchaseOrderReference = root.Path(Cac + "OrderReference", Cbc + "ID").Text(),
            SalesOrderReference = root.Path(Cac + "OrderReference", Cbc + "SalesOrderID").Text(),
            ReceivingAdviceReference = root.Path(Cac + "ReceiptDocumentReference", Cbc + "ID").Text(),
            DespatchAdviceReference = root.Path(Cac + "DespatchDocumentReference", Cbc + "ID").Text(),
            TenderOrLotReference = root.Path(Cac + "OriginatorDocumentReference", Cbc + "ID").Text(),
            InvoicedObjectId = additional.Where(d => TypeCodeOf(d) == "130").Select(d => d.Child(Cbc + "ID").Identifier()).FirstOrDefault(),
            BuyerAccountingReference = root.Child(Cbc + "AccountingCost").Text(),
            PaymentTerms = root.Path(Cac + "PaymentTerms", Cbc + "Note").Text(),
            BusinessProcessType = root.Child(Cbc + "ProfileID").Text(),
            SpecificationId = root.Child(Cbc + "CustomizationID").Text(),
            Seller = ReadSeller(root.Path(Cac + "AccountingSupplierParty", Cac + "Party")),
            Buyer = ReadBuyer(root.Path(Cac + "AccountingCustomerParty", Cac + "Party")),
            Payee = ReadPayee(root.Child(Cac + "PayeeParty")),
            TaxRepresentative = ReadTaxRepresentative(root.Child(Cac + "TaxRepresentativeParty")),
            Delivery = ReadDelivery(root.Child(Cac + "Delivery")),
            InvoicingPeriod = ReadPeriod(root.Child(Cac + "InvoicePeriod")),
            PaymentInstructions = ReadPaymentInstructions(root, paymentMeans),
            Totals = ReadTotals(root),
        }.At(root);

        foreach (var note in root.Elements(Cbc + "Note"))
        {
            invoice.Notes.Add(ReadNote(note));
        }

        foreach (var reference in root.Elements(Cac + "BillingReference").Select(b => b.Child(Cac + "InvoiceDocumentReference")).OfType<XElement>())
        {
            invoice.PrecedingInvoices.Add(new PrecedingInvoiceReference
            {
                Number = reference.Child(Cbc + "ID").Text(),
                IssueDate = reference.Child(Cbc + "IssueDate").IsoDate(),
            }.At(reference));
        }

        foreach (var charge in root.Elements(Cac + "AllowanceCharge"))
        {
            invoice.AllowanceCharges.Add(ReadDocumentAllowanceCharge(charge));
        }

        foreach (var subtotal in root.Elements(Cac + "TaxTotal").SelectMany(t => t.Elements(Cac + "TaxSubtotal")))
        {
            invoice.VatBreakdowns.Add(ReadVatBreakdown(subtotal));
        }

        foreach (var supporting in additional.Where(d => TypeCodeOf(d) != "130" && !(isCreditNote && TypeCodeOf(d) == "50")))
        {
            invoice.SupportingDocuments.Add(ReadSupportingDocument(supporting));
        }

        foreach (var line in root.Elements(Cac + (isCreditNote ? "CreditNoteLine" : "InvoiceLine")))
        {
            invoice.Lines.Add(ReadLine(line, isCreditNote));
        }

        return invoice;
    }

    private static string? TypeCodeOf(XElement documentReference) => documentReference.Child(Cbc + "DocumentTypeCode").Text();

    private static InvoiceNote ReadNote(XElement note)
    {
        var text = note.Text();
        string? code = null;
        // EN 16931 UBL binding: the subject code (BT-21) prefixes the note as "#CODE#text".
        if (text is { Length: > 2 } && text[0] == '#')
        {
            var end = text.IndexOf('#', 1);
            if (end > 1)
            {
                code = text[1..end];
                text = text[(end + 1)..].Trim();
            }
        }

        return new InvoiceNote { SubjectCode = code, Text = text }.At(note);
    }

    private static Seller? ReadSeller(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        var taxSchemes = party.Elements(Cac + "PartyTaxScheme").ToList();
        var seller = new Seller
        {
            Name = party.Path(Cac + "PartyLegalEntity", Cbc + "RegistrationName").Text(),
            TradingName = party.Path(Cac + "PartyName", Cbc + "Name").Text(),
            LegalRegistrationId = party.Path(Cac + "PartyLegalEntity", Cbc + "CompanyID").Identifier(),
            VatId = taxSchemes.Where(IsVatScheme).Select(t => t.Child(Cbc + "CompanyID").Text()).FirstOrDefault(),
            TaxRegistrationId = taxSchemes.Where(t => !IsVatScheme(t)).Select(t => t.Child(Cbc + "CompanyID").Text()).FirstOrDefault(),
            AdditionalLegalInformation = party.Path(Cac + "PartyLegalEntity", Cbc + "CompanyLegalForm").Text(),
            ElectronicAddress = party.Child(Cbc + "EndpointID").Identifier(),
            Address = ReadAddress(party.Child(Cac + "PostalAddress")),
            Contact = ReadContact(party.Child(Cac + "Contact")),
        }.At(party);

        foreach (var id in party.Elements(Cac + "PartyIdentification").Select(p => p.Child(Cbc + "ID").Identifier()).OfType<Identifier>())
        {
            if (!IsSepaCreditorId(id))
            {
                seller.Identifiers.Add(id);
            }
        }

        return seller;
    }

    private static bool IsSepaCreditorId(Identifier id) => string.Equals(id.SchemeId, "SEPA", StringComparison.OrdinalIgnoreCase);

    private static bool IsVatScheme(XElement partyTaxScheme) =>
        string.Equals(partyTaxScheme.Path(Cac + "TaxScheme", Cbc + "ID").Text(), "VAT", StringComparison.OrdinalIgnoreCase);

    private static Buyer? ReadBuyer(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        return new Buyer
        {
            Name = party.Path(Cac + "PartyLegalEntity", Cbc + "RegistrationName").Text(),
            TradingName = party.Path(Cac + "PartyName", Cbc + "Name").Text(),
            Identifier = party.Elements(Cac + "PartyIdentification").Select(p => p.Child(Cbc + "ID").Identifier()).FirstOrDefault(i => i is not null),
            LegalRegistrationId = party.Path(Cac + "PartyLegalEntity", Cbc + "CompanyID").Identifier(),
            VatId = party.Elements(Cac + "PartyTaxScheme").Select(t => t.Child(Cbc + "CompanyID").Text()).FirstOrDefault(v => v is not null),
            ElectronicAddress = party.Child(Cbc + "EndpointID").Identifier(),
            Address = ReadAddress(party.Child(Cac + "PostalAddress")),
            Contact = ReadContact(party.Child(Cac + "Contact")),
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
            Name = party.Path(Cac + "PartyName", Cbc + "Name").Text(),
            Identifier = party.Elements(Cac + "PartyIdentification").Select(p => p.Child(Cbc + "ID").Identifier())
                .FirstOrDefault(i => i is not null && !IsSepaCreditorId(i)),
            LegalRegistrationId = party.Path(Cac + "PartyLegalEntity", Cbc + "CompanyID").Identifier(),
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
            Name = party.Path(Cac + "PartyName", Cbc + "Name").Text(),
            VatId = party.Path(Cac + "PartyTaxScheme", Cbc + "CompanyID").Text(),
            Address = ReadAddress(party.Child(Cac + "PostalAddress")),
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
            Line1 = address.Child(Cbc + "StreetName").Text(),
            Line2 = address.Child(Cbc + "AdditionalStreetName").Text(),
            Line3 = address.Path(Cac + "AddressLine", Cbc + "Line").Text(),
            City = address.Child(Cbc + "CityName").Text(),
            PostCode = address.Child(Cbc + "PostalZone").Text(),
            CountrySubdivision = address.Child(Cbc + "CountrySubentity").Text(),
            CountryCode = address.Path(Cac + "Country", Cbc + "IdentificationCode").Text(),
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
            Name = contact.Child(Cbc + "Name").Text(),
            Telephone = contact.Child(Cbc + "Telephone").Text(),
            Email = contact.Child(Cbc + "ElectronicMail").Text(),
        }.At(contact);
    }

    private static Delivery? ReadDelivery(XElement? delivery)
    {
        if (delivery is null)
        {
            return null;
        }

        var location = delivery.Child(Cac + "DeliveryLocation");
        return new Delivery
        {
            PartyName = delivery.Path(Cac + "DeliveryParty", Cac + "PartyName", Cbc + "Name").Text(),
            LocationId = location.Child(Cbc + "ID").Identifier(),
            ActualDeliveryDate = delivery.Child(Cbc + "ActualDeliveryDate").IsoDate(),
            Address = ReadAddress(location.Child(Cac + "Address")),
        }.At(delivery);
    }

    private static Period? ReadPeriod(XElement? period)
    {
        var start = period.Child(Cbc + "StartDate").IsoDate();
        var end = period.Child(Cbc + "EndDate").IsoDate();
        if (period is null || (start is null && end is null))
        {
            return null;
        }

        return new Period { StartDate = start, EndDate = end }.At(period);
    }

    private static PaymentInstructions? ReadPaymentInstructions(XElement root, List<XElement> paymentMeans)
    {
        var sepaCreditorId = new[] { root.Path(Cac + "AccountingSupplierParty", Cac + "Party"), root.Child(Cac + "PayeeParty") }
            .SelectMany(p => p.Children(Cac + "PartyIdentification"))
            .Select(p => p.Child(Cbc + "ID").Identifier())
            .FirstOrDefault(i => i is not null && IsSepaCreditorId(i))?.Value;
        if (paymentMeans.Count == 0 && sepaCreditorId is null)
        {
            return null;
        }

        var first = paymentMeans.FirstOrDefault();
        var instructions = new PaymentInstructions
        {
            MeansCode = first.Child(Cbc + "PaymentMeansCode").Text(),
            MeansText = first.Child(Cbc + "PaymentMeansCode").Attr("name"),
            RemittanceInformation = paymentMeans.Select(p => p.Child(Cbc + "PaymentID").Text()).FirstOrDefault(v => v is not null),
        };
        if (first is not null)
        {
            instructions.At(first);
        }

        foreach (var account in paymentMeans.Select(p => p.Child(Cac + "PayeeFinancialAccount")).OfType<XElement>())
        {
            instructions.CreditTransfers.Add(new CreditTransfer
            {
                AccountId = account.Child(Cbc + "ID").Text(),
                AccountName = account.Child(Cbc + "Name").Text(),
                ServiceProviderId = account.Path(Cac + "FinancialInstitutionBranch", Cbc + "ID").Text(),
            }.At(account));
        }

        if (paymentMeans.Select(p => p.Child(Cac + "CardAccount")).FirstOrDefault(c => c is not null) is { } card)
        {
            instructions.Card = new PaymentCard
            {
                PrimaryAccountNumber = card.Child(Cbc + "PrimaryAccountNumberID").Text(),
                HolderName = card.Child(Cbc + "HolderName").Text(),
            }.At(card);
        }

        var mandate = paymentMeans.Select(p => p.Child(Cac + "PaymentMandate")).FirstOrDefault(m => m is not null);
        if (mandate is not null || sepaCreditorId is not null)
        {
            instructions.DirectDebit = new DirectDebit
            {
                MandateReference = mandate.Child(Cbc + "ID").Text(),
                CreditorId = sepaCreditorId,
                DebitedAccountId = mandate.Path(Cac + "PayerFinancialAccount", Cbc + "ID").Text(),
            };
            if (mandate is not null)
            {
                instructions.DirectDebit.At(mandate);
            }
        }

        return instructions;
    }

    private static DocumentAllowanceCharge ReadDocumentAllowanceCharge(XElement charge)
    {
        var category = charge.Child(Cac + "TaxCategory");
        return new DocumentAllowanceCharge
        {
            IsCharge = IsCharge(charge),
            Amount = charge.Child(Cbc + "Amount").Decimal(),
            BaseAmount = charge.Child(Cbc + "BaseAmount").Decimal(),
            Percentage = charge.Child(Cbc + "MultiplierFactorNumeric").Decimal(),
            VatCategoryCode = category.Child(Cbc + "ID").Text(),
            VatRate = category.Child(Cbc + "Percent").Decimal(),
            Reason = charge.Child(Cbc + "AllowanceChargeReason").Text(),
            ReasonCode = charge.Child(Cbc + "AllowanceChargeReasonCode").Text(),
        }.At(charge);
    }

    private static bool IsCharge(XElement charge) =>
        string.Equals(charge.Child(Cbc + "ChargeIndicator").Text(), "true", StringComparison.OrdinalIgnoreCase);

    private static DocumentTotals? ReadTotals(XElement root)
    {
        var totals = root.Child(Cac + "LegalMonetaryTotal");
        var currency = root.Child(Cbc + "DocumentCurrencyCode").Text();
        var accountingCurrency = root.Child(Cbc + "TaxCurrencyCode").Text();
        var taxAmounts = root.Elements(Cac + "TaxTotal").Select(t => t.Child(Cbc + "TaxAmount")).OfType<XElement>().ToList();
        if (totals is null && taxAmounts.Count == 0)
        {
            return null;
        }

        // BT-110 is the tax total in the invoice currency, BT-111 the one in the VAT accounting currency.
        var vatTotal = taxAmounts.FirstOrDefault(t => t.Attr("currencyID") == currency) ?? taxAmounts.FirstOrDefault(t => t.Attr("currencyID") != accountingCurrency);
        var vatInAccounting = accountingCurrency is null || accountingCurrency == currency
            ? null
            : taxAmounts.FirstOrDefault(t => t.Attr("currencyID") == accountingCurrency);
        var result = new DocumentTotals
        {
            LineNetTotal = totals.Child(Cbc + "LineExtensionAmount").Decimal(),
            AllowanceTotal = totals.Child(Cbc + "AllowanceTotalAmount").Decimal(),
            ChargeTotal = totals.Child(Cbc + "ChargeTotalAmount").Decimal(),
            TaxExclusiveAmount = totals.Child(Cbc + "TaxExclusiveAmount").Decimal(),
            VatTotal = vatTotal.Decimal(),
            VatTotalInAccountingCurrency = vatInAccounting.Decimal(),
            TaxInclusiveAmount = totals.Child(Cbc + "TaxInclusiveAmount").Decimal(),
            PaidAmount = totals.Child(Cbc + "PrepaidAmount").Decimal(),
            RoundingAmount = totals.Child(Cbc + "PayableRoundingAmount").Decimal(),
            AmountDue = totals.Child(Cbc + "PayableAmount").Decimal(),
        };
        return totals is null ? result : result.At(totals);
    }

    private static VatBreakdown ReadVatBreakdown(XElement subtotal)
    {
        var category = subtotal.Child(Cac + "TaxCategory");
        return new VatBreakdown
        {
            TaxableAmount = subtotal.Child(Cbc + "TaxableAmount").Decimal(),
            TaxAmount = subtotal.Child(Cbc + "TaxAmount").Decimal(),
            CategoryCode = category.Child(Cbc + "ID").Text(),
            Rate = category.Child(Cbc + "Percent").Decimal(),
            ExemptionReason = category.Child(Cbc + "TaxExemptionReason").Text(),
            ExemptionReasonCode = category.Child(Cbc + "TaxExemptionReasonCode").Text(),
        }.At(subtotal);
    }

    private static SupportingDocument ReadSupportingDocument(XElement reference)
    {
        var attachment = reference.Child(Cac + "Attachment");
        var binary = attachment.Child(Cbc + "EmbeddedDocumentBinaryObject");
        return new SupportingDocument
        {
            Reference = reference.Child(Cbc + "ID").Text(),
            Description = reference.Child(Cbc + "DocumentDescription").Text(),
            ExternalLocation = attachment.Path(Cac + "ExternalReference", Cbc + "URI").Text(),
            Attachment = binary is null ? null : Binary.Read(binary),
        }.At(reference);
    }

    private static InvoiceLine ReadLine(XElement line, bool isCreditNote)
    {
        var quantity = line.Child(Cbc + (isCreditNote ? "CreditedQuantity" : "InvoicedQuantity"));
        var price = line.Child(Cac + "Price");
        var item = line.Child(Cac + "Item");
        var result = new InvoiceLine
        {
            Id = line.Child(Cbc + "ID").Text(),
            Note = line.Child(Cbc + "Note").Text(),
            ObjectId = line.Elements(Cac + "DocumentReference")
                .Where(d => TypeCodeOf(d) == "130" || TypeCodeOf(d) is null)
                .Select(d => d.Child(Cbc + "ID").Identifier()).FirstOrDefault(),
            Quantity = quantity.Decimal(),
            UnitCode = quantity.Attr("unitCode"),
            NetAmount = line.Child(Cbc + "LineExtensionAmount").Decimal(),
            OrderLineReference = line.Path(Cac + "OrderLineReference", Cbc + "LineID").Text(),
            BuyerAccountingReference = line.Child(Cbc + "AccountingCost").Text(),
            Period = ReadPeriod(line.Child(Cac + "InvoicePeriod")),
            Price = price is null ? null : ReadPrice(price),
            Vat = ReadLineVat(item.Child(Cac + "ClassifiedTaxCategory")),
            Item = item is null ? null : ReadItem(item),
        }.At(line);

        foreach (var charge in line.Elements(Cac + "AllowanceCharge"))
        {
            result.AllowanceCharges.Add(new LineAllowanceCharge
            {
                IsCharge = IsCharge(charge),
                Amount = charge.Child(Cbc + "Amount").Decimal(),
                BaseAmount = charge.Child(Cbc + "BaseAmount").Decimal(),
                Percentage = charge.Child(Cbc + "MultiplierFactorNumeric").Decimal(),
                Reason = charge.Child(Cbc + "AllowanceChargeReason").Text(),
                ReasonCode = charge.Child(Cbc + "AllowanceChargeReasonCode").Text(),
            }.At(charge));
        }

        return result;
    }

    private static PriceDetails ReadPrice(XElement price)
    {
        var baseQuantity = price.Child(Cbc + "BaseQuantity");
        var discount = price.Elements(Cac + "AllowanceCharge").FirstOrDefault(c => !IsCharge(c));
        return new PriceDetails
        {
            NetPrice = price.Child(Cbc + "PriceAmount").Decimal(),
            Discount = discount.Child(Cbc + "Amount").Decimal(),
            GrossPrice = discount.Child(Cbc + "BaseAmount").Decimal(),
            BaseQuantity = baseQuantity.Decimal(),
            BaseQuantityUnitCode = baseQuantity.Attr("unitCode"),
        }.At(price);
    }

    private static LineVat? ReadLineVat(XElement? category)
    {
        if (category is null)
        {
            return null;
        }

        return new LineVat
        {
            CategoryCode = category.Child(Cbc + "ID").Text(),
            Rate = category.Child(Cbc + "Percent").Decimal(),
        }.At(category);
    }

    private static Item ReadItem(XElement item)
    {
        var result = new Item
        {
            Name = item.Child(Cbc + "Name").Text(),
            Description = item.Child(Cbc + "Description").Text(),
            SellerId = item.Path(Cac + "SellersItemIdentification", Cbc + "ID").Text(),
            BuyerId = item.Path(Cac + "BuyersItemIdentification", Cbc + "ID").Text(),
            StandardId = item.Path(Cac + "StandardItemIdentification", Cbc + "ID").Identifier(),
            CountryOfOrigin = item.Path(Cac + "OriginCountry", Cbc + "IdentificationCode").Text(),
        }.At(item);

        foreach (var code in item.Elements(Cac + "CommodityClassification").Select(c => c.Child(Cbc + "ItemClassificationCode")).OfType<XElement>())
        {
            if (code.Text() is { } value)
            {
                result.Classifications.Add(new ItemClassification(value, code.Attr("listID"), code.Attr("listVersionID")));
            }
        }

        foreach (var property in item.Elements(Cac + "AdditionalItemProperty"))
        {
            result.Attributes.Add(new ItemProperty
            {
                Name = property.Child(Cbc + "Name").Text(),
                Value = property.Child(Cbc + "Value").Text(),
            }.At(property));
        }

        return result;
    }
}
