using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>The BR-CL code list rules: every coded value must come from its list. One pass over the tree.</summary>
internal static class CodeListRules
{
    private static readonly XName CacClassifiedTaxCategory = Namespaces.Cac + "ClassifiedTaxCategory";
    private static readonly XName CacCountry = Namespaces.Cac + "Country";
    private static readonly XName CacDeliveryLocation = Namespaces.Cac + "DeliveryLocation";
    private static readonly XName CacInvoicePeriod = Namespaces.Cac + "InvoicePeriod";
    private static readonly XName CacOriginCountry = Namespaces.Cac + "OriginCountry";
    private static readonly XName CacPartyIdentification = Namespaces.Cac + "PartyIdentification";
    private static readonly XName CacPartyLegalEntity = Namespaces.Cac + "PartyLegalEntity";
    private static readonly XName CacPaymentMeans = Namespaces.Cac + "PaymentMeans";
    private static readonly XName CacStandardItemIdentification = Namespaces.Cac + "StandardItemIdentification";
    private static readonly XName CacTaxCategory = Namespaces.Cac + "TaxCategory";
    private static readonly XName CbcChargeIndicator = Namespaces.Cbc + "ChargeIndicator";
    private static readonly XName CbcDocumentTypeCode = Namespaces.Cbc + "DocumentTypeCode";
    private static readonly XName RamAdditionalReferencedDocument = Namespaces.Ram + "AdditionalReferencedDocument";
    private static readonly XName RamApplicableTradeTax = Namespaces.Ram + "ApplicableTradeTax";
    private static readonly XName RamAppliedTradeAllowanceCharge = Namespaces.Ram + "AppliedTradeAllowanceCharge";
    private static readonly XName RamCategoryTradeTax = Namespaces.Ram + "CategoryTradeTax";
    private static readonly XName RamChargeIndicator = Namespaces.Ram + "ChargeIndicator";
    private static readonly XName RamOriginTradeCountry = Namespaces.Ram + "OriginTradeCountry";
    private static readonly XName RamPostalTradeAddress = Namespaces.Ram + "PostalTradeAddress";
    private static readonly XName RamSpecifiedLegalOrganization = Namespaces.Ram + "SpecifiedLegalOrganization";
    private static readonly XName RamSpecifiedTradeAllowanceCharge = Namespaces.Ram + "SpecifiedTradeAllowanceCharge";
    private static readonly XName RamSpecifiedTradeProduct = Namespaces.Ram + "SpecifiedTradeProduct";
    private static readonly XName RamSpecifiedTradeSettlementPaymentMeans = Namespaces.Ram + "SpecifiedTradeSettlementPaymentMeans";
    private static readonly XName RamTypeCode = Namespaces.Ram + "TypeCode";
    private static readonly XName RamURIUniversalCommunication = Namespaces.Ram + "URIUniversalCommunication";

    private static readonly RuleDefinition Cl01 = Fatal("BR-CL-01", "BT-3", "Le code de type de document ({0}) n'appartient pas à la liste UNTDID 1001 des factures et avoirs.", "The document type code ({0}) MUST be coded by the invoice and credit note related code lists of UNTDID 1001.");
    private static readonly RuleDefinition Cl03 = Fatal("BR-CL-03", "BT-5", "La devise d'un montant (currencyID = {0}) n'est pas un code ISO 4217.", "currencyID ({0}) MUST be coded using ISO code list 4217 alpha-3.");
    private static readonly RuleDefinition Cl04 = Fatal("BR-CL-04", "BT-5", "Le code de devise de la facture ({0}) n'est pas un code ISO 4217.", "Invoice currency code ({0}) MUST be coded using ISO code list 4217 alpha-3.");
    private static readonly RuleDefinition Cl05 = Fatal("BR-CL-05", "BT-6", "Le code de devise de comptabilisation de la TVA ({0}) n'est pas un code ISO 4217.", "Tax currency code ({0}) MUST be coded using ISO code list 4217 alpha-3.");
    private static readonly RuleDefinition Cl06 = Fatal("BR-CL-06", "BT-8", "Le code de date d'exigibilité de la TVA ({0}) n'appartient pas à la liste UNTDID 2005 restreinte.", "Value added tax point date code ({0}) MUST be coded using a restriction of UNTDID 2005.");
    private static readonly RuleDefinition Cl07 = Fatal("BR-CL-07", "BT-18", "Le schéma de l'identifiant d'objet facturé ({0}) n'appartient pas à la liste UNTDID 1153.", "Object identifier identification scheme identifier ({0}) MUST be coded using a restriction of UNTDID 1153.");
    private static readonly RuleDefinition Cl10 = Fatal("BR-CL-10", "BT-29", "Le schéma d'identifiant ({0}) n'appartient pas à la liste ISO 6523 ICD.", "Any identifier identification scheme identifier ({0}) MUST be coded using one of the ISO 6523 ICD list.");
    private static readonly RuleDefinition Cl11 = Fatal("BR-CL-11", "BT-30", "Le schéma d'identifiant légal ({0}) n'appartient pas à la liste ISO 6523 ICD.", "Any registration identifier identification scheme identifier ({0}) MUST be coded using one of the ISO 6523 ICD list.");
    private static readonly RuleDefinition Cl13 = Fatal("BR-CL-13", "BT-158", "Le schéma de classification d'article ({0}) n'appartient pas à la liste UNTDID 7143.", "Item classification identifier identification scheme identifier ({0}) MUST be coded using one of the UNTDID 7143 list.");
    private static readonly RuleDefinition Cl14 = Fatal("BR-CL-14", "BT-40", "Le code pays ({0}) n'appartient pas à la liste ISO 3166-1.", "Country codes ({0}) in an invoice MUST be coded using ISO code list 3166-1.");
    private static readonly RuleDefinition Cl15 = Fatal("BR-CL-15", "BT-159", "Le code pays d'origine ({0}) n'appartient pas à la liste ISO 3166-1.", "Country codes ({0}) in an invoice MUST be coded using ISO code list 3166-1.");
    private static readonly RuleDefinition Cl16 = Fatal("BR-CL-16", "BT-81", "Le code de moyen de paiement ({0}) n'appartient pas à la liste UNCL 4461.", "Payment means ({0}) in an invoice MUST be coded using UNCL4461 code list.");
    private static readonly RuleDefinition Cl17 = Fatal("BR-CL-17", "BT-95", "Le code de catégorie de TVA ({0}) n'appartient pas à la liste UNCL 5305.", "Invoice tax categories ({0}) MUST be coded using UNCL5305 code list.");
    private static readonly RuleDefinition Cl18 = Fatal("BR-CL-18", "BT-151", "Le code de catégorie de TVA ({0}) n'appartient pas à la liste UNCL 5305.", "Invoice tax categories ({0}) MUST be coded using UNCL5305 code list.");
    private static readonly RuleDefinition Cl19 = Fatal("BR-CL-19", "BT-98", "Le code de motif de remise ({0}) n'appartient pas à la liste UNCL 5189.", "Coded allowance reasons ({0}) MUST belong to the UNCL 5189 code list.");
    private static readonly RuleDefinition Cl20 = Fatal("BR-CL-20", "BT-105", "Le code de motif de charge ({0}) n'appartient pas à la liste UNCL 7161.", "Coded charge reasons ({0}) MUST belong to the UNCL 7161 code list.");
    private static readonly RuleDefinition Cl21 = Fatal("BR-CL-21", "BT-157", "Le schéma d'identifiant standard d'article ({0}) n'appartient pas à la liste ISO 6523 ICD.", "Item standard identifier scheme identifier ({0}) MUST belong to the ISO 6523 ICD code list.");
    private static readonly RuleDefinition Cl22 = Fatal("BR-CL-22", "BT-121", "Le code de motif d'exonération ({0}) n'appartient pas à la liste VATEX.", "Tax exemption reason code identifier scheme identifier ({0}) MUST belong to the CEF VATEX code list.");
    private static readonly RuleDefinition Cl23 = Fatal("BR-CL-23", "BT-130", "Le code d'unité ({0}) n'appartient pas aux recommandations UN/ECE 20 et 21.", "Unit code ({0}) MUST be coded according to the UN/ECE Recommendation 20 with Rec 21 extension.");
    private static readonly RuleDefinition Cl24 = Fatal("BR-CL-24", "BT-125", "Le type MIME de la pièce jointe ({0}) n'est pas accepté.", "For Mime code ({0}) in attribute use MIMEMediaType.");
    private static readonly RuleDefinition Cl25 = Fatal("BR-CL-25", "BT-34", "Le schéma de l'adresse électronique ({0}) n'appartient pas à la liste EAS.", "Endpoint identifier scheme identifier ({0}) MUST belong to the CEF EAS code list.");
    private static readonly RuleDefinition Cl26 = Fatal("BR-CL-26", "BT-71", "Le schéma d'identifiant du lieu de livraison ({0}) n'appartient pas à la liste ISO 6523 ICD.", "Delivery location identifier scheme identifier ({0}) MUST belong to the ISO 6523 ICD code list.");

    private static readonly FrozenSet<string> UblAmounts = new[]
    {
        "Amount", "BaseAmount", "PriceAmount", "TaxAmount", "TaxableAmount", "LineExtensionAmount", "TaxExclusiveAmount",
        "TaxInclusiveAmount", "AllowanceTotalAmount", "ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount", "PayableAmount",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CiiVatPointCodes = new[] { "5", "29", "72" }.ToFrozenSet(StringComparer.Ordinal);

    public static void Check(RuleRun run)
    {
        if (run.View.IsUbl)
        {
            CheckUbl(run);
        }
        else
        {
            CheckCii(run);
        }
    }

    private static void In(RuleRun run, FrozenSet<string> list, string? value, RuleDefinition rule, XObject at)
    {
        var code = XmlValues.NormalizeSpace(value ?? string.Empty);
        if (!list.Contains(code))
        {
            run.Fail(rule, at, code);
        }
    }

    private static void CheckUbl(RuleRun run)
    {
        var cbc = Namespaces.Cbc;
        var cac = Namespaces.Cac;
        var isInvoice = run.View.Root.Name.LocalName == "Invoice";
        foreach (var e in run.View.Root.Descendants())
        {
            var parent = e.Parent!;
            if (e.Name.Namespace == cbc)
            {
                switch (e.Name.LocalName)
                {
                    case "InvoiceTypeCode":
                        In(run, isInvoice ? CodeLists.InvoiceTypeCodes : CodeLists.CreditNoteTypeCodes, e.Value, Cl01, e);
                        break;
                    case "CreditNoteTypeCode":
                        In(run, CodeLists.CreditNoteTypeCodes, e.Value, Cl01, e);
                        break;
                    case "DocumentCurrencyCode":
                        In(run, CodeLists.Currencies, e.Value, Cl04, e);
                        break;
                    case "TaxCurrencyCode":
                        In(run, CodeLists.Currencies, e.Value, Cl05, e);
                        break;
                    case "DescriptionCode" when parent.Name == CacInvoicePeriod:
                        In(run, CodeLists.VatPointDateCodes, e.Value, Cl06, e);
                        break;
                    case "ID" when e.Attribute("schemeID") is { } scheme && parent.Name.LocalName is "AdditionalDocumentReference" or "DocumentReference"
                        && parent.Element(CbcDocumentTypeCode)?.Value == "130":
                        In(run, CodeLists.ObjectIdentifierSchemes, scheme.Value, Cl07, e);
                        break;
                    case "ID" when e.Attribute("schemeID") is { } scheme && parent.Name == CacPartyIdentification:
                        var sepaAllowed = scheme.Value.Trim() == "SEPA" && e.Ancestors().Any(a => a.Name.LocalName is "AccountingSupplierParty" or "PayeeParty");
                        if (!sepaAllowed)
                        {
                            In(run, CodeLists.Icd, scheme.Value, Cl10, e);
                        }

                        break;
                    case "CompanyID" when e.Attribute("schemeID") is { } scheme && parent.Name == CacPartyLegalEntity:
                        In(run, CodeLists.Icd, scheme.Value, Cl11, e);
                        break;
                    case "ItemClassificationCode" when e.Attribute("listID") is { } list:
                        In(run, CodeLists.ItemClassificationSchemes, list.Value, Cl13, e);
                        break;
                    case "IdentificationCode" when parent.Name == CacCountry:
                        In(run, CodeLists.Countries, e.Value, Cl14, e);
                        break;
                    case "IdentificationCode" when parent.Name == CacOriginCountry:
                        In(run, CodeLists.Countries, e.Value, Cl15, e);
                        break;
                    case "PaymentMeansCode" when parent.Name == CacPaymentMeans:
                        In(run, CodeLists.PaymentMeans, e.Value, Cl16, e);
                        break;
                    case "ID" when parent.Name == CacTaxCategory:
                        In(run, CodeLists.VatCategories, e.Value, Cl17, e);
                        break;
                    case "ID" when parent.Name == CacClassifiedTaxCategory:
                        In(run, CodeLists.VatCategories, e.Value, Cl18, e);
                        break;
                    case "AllowanceChargeReasonCode" when parent.Element(CbcChargeIndicator)?.Value.Trim() == "false":
                        In(run, CodeLists.AllowanceReasons, e.Value, Cl19, e);
                        break;
                    case "AllowanceChargeReasonCode" when parent.Element(CbcChargeIndicator)?.Value.Trim() == "true":
                        In(run, CodeLists.ChargeReasons, e.Value, Cl20, e);
                        break;
                    case "ID" when e.Attribute("schemeID") is { } scheme && parent.Name == CacStandardItemIdentification:
                        In(run, CodeLists.Icd, scheme.Value, Cl21, e);
                        break;
                    case "TaxExemptionReasonCode":
                        In(run, CodeLists.ExemptionReasons, e.Value, Cl22, e);
                        break;
                    case "InvoicedQuantity" or "CreditedQuantity" or "BaseQuantity" when e.Attribute("unitCode") is { } unit:
                        In(run, CodeLists.Units, unit.Value, Cl23, e);
                        break;
                    case "EmbeddedDocumentBinaryObject" when e.Attribute("mimeCode") is { } mime:
                        In(run, CodeLists.Mime, mime.Value, Cl24, e);
                        break;
                    case "EndpointID" when e.Attribute("schemeID") is { } scheme:
                        In(run, CodeLists.ElectronicAddressSchemes, scheme.Value, Cl25, e);
                        break;
                    case "ID" when e.Attribute("schemeID") is { } scheme && parent.Name == CacDeliveryLocation:
                        In(run, CodeLists.Icd, scheme.Value, Cl26, e);
                        break;
                    default:
                        if (UblAmounts.Contains(e.Name.LocalName))
                        {
                            In(run, CodeLists.Currencies, e.Attribute("currencyID")?.Value, Cl03, e);
                        }

                        break;
                }
            }
        }
    }

    private static void CheckCii(RuleRun run)
    {
        var ram = Namespaces.Ram;
        foreach (var e in run.View.Root.Descendants())
        {
            var parent = e.Parent!;
            if (e.Name.Namespace != ram)
            {
                continue;
            }

            if (e.Attribute("currencyID") is { } currency && e.Name.LocalName == "TaxTotalAmount")
            {
                In(run, CodeLists.Currencies, currency.Value, Cl03, e);
            }

            switch (e.Name.LocalName)
            {
                case "TypeCode" when parent.Name.LocalName == "ExchangedDocument":
                    if (!CodeLists.InvoiceTypeCodes.Contains(e.Value.Trim()) && !CodeLists.CreditNoteTypeCodes.Contains(e.Value.Trim()))
                    {
                        run.Fail(Cl01, e, e.Value.Trim());
                    }

                    break;
                case "InvoiceCurrencyCode":
                    In(run, CodeLists.Currencies, e.Value, Cl04, e);
                    break;
                case "TaxCurrencyCode":
                    In(run, CodeLists.Currencies, e.Value, Cl05, e);
                    break;
                case "DueDateTypeCode" when parent.Name == RamApplicableTradeTax:
                    In(run, CiiVatPointCodes, e.Value, Cl06, e);
                    break;
                case "ReferenceTypeCode" when parent.Name == RamAdditionalReferencedDocument && parent.Element(RamTypeCode)?.Value == "130":
                    In(run, CodeLists.ObjectIdentifierSchemes, e.Value, Cl07, e);
                    break;
                case "GlobalID" when e.Attribute("schemeID") is { } scheme && parent.Name != RamSpecifiedTradeProduct:
                    In(run, CodeLists.Icd, scheme.Value, Cl10, e);
                    break;
                case "ID" when e.Attribute("schemeID") is { } scheme && parent.Name == RamSpecifiedLegalOrganization:
                    In(run, CodeLists.Icd, scheme.Value, Cl11, e);
                    break;
                case "ClassCode" when e.Attribute("listID") is { } list:
                    In(run, CodeLists.ItemClassificationSchemes, list.Value, Cl13, e);
                    break;
                case "CountryID" when parent.Name == RamPostalTradeAddress:
                    In(run, CodeLists.Countries, e.Value, Cl14, e);
                    break;
                case "ID" when parent.Name == RamOriginTradeCountry:
                    In(run, CodeLists.Countries, e.Value, Cl15, e);
                    break;
                case "TypeCode" when parent.Name == RamSpecifiedTradeSettlementPaymentMeans:
                    In(run, CodeLists.PaymentMeans, e.Value, Cl16, e);
                    break;
                case "CategoryCode" when parent.Name == RamCategoryTradeTax:
                    In(run, CodeLists.VatCategories, e.Value, Cl17, e);
                    break;
                case "CategoryCode" when parent.Name == RamApplicableTradeTax:
                    In(run, CodeLists.VatCategories, e.Value, Cl18, e);
                    break;
                case "ReasonCode" when parent.Name == RamSpecifiedTradeAllowanceCharge || parent.Name == RamAppliedTradeAllowanceCharge:
                    var indicator = parent.Element(RamChargeIndicator)?.Value.Trim();
                    if (indicator == "false")
                    {
                        In(run, CodeLists.AllowanceReasons, e.Value, Cl19, e);
                    }
                    else if (indicator == "true")
                    {
                        In(run, CodeLists.ChargeReasons, e.Value, Cl20, e);
                    }

                    break;
                case "GlobalID" when e.Attribute("schemeID") is { } scheme:
                    In(run, CodeLists.Icd, scheme.Value, Cl21, e);
                    break;
                case "ExemptionReasonCode":
                    In(run, CodeLists.ExemptionReasons, e.Value, Cl22, e);
                    break;
                case "BilledQuantity" or "BasisQuantity" when e.Attribute("unitCode") is { } unit:
                    In(run, CodeLists.Units, unit.Value, Cl23, e);
                    break;
                case "AttachmentBinaryObject" when e.Attribute("mimeCode") is { } mime:
                    In(run, CodeLists.Mime, mime.Value, Cl24, e);
                    break;
                case "URIID" when e.Attribute("schemeID") is { } scheme && parent.Name == RamURIUniversalCommunication && parent.Parent?.Name.LocalName is "SellerTradeParty" or "BuyerTradeParty":
                    In(run, CodeLists.ElectronicAddressSchemes, scheme.Value, Cl25, e);
                    break;
                default:
                    break;
            }
        }
    }
}
