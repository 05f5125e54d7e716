using System.Text;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// The Factur-X Schematron's own checks under the <c>facturx</c> profile: each rule family fires on a document that
/// breaks it and stays silent on the same document put right.
/// </summary>
public sealed class FacturXSchematronRulesTests
{
    private static string Read(string file) => File.ReadAllText(CorpusFiles.PathOf(file));

    private static ValidationReport Validate(string xml, ValidationProfile profile = ValidationProfile.FacturX) =>
        InvoiceValidator.Validate(Encoding.UTF8.GetBytes(xml), "invoice.xml", profile);

    private static string ReplaceFirst(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{oldValue}' not found in the sample.");
        return string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }

    private static IReadOnlyList<Finding> Of(ValidationReport report, string rule) => [.. report.Findings.Where(f => f.Rule == rule)];

    [Fact]
    public void A_vat_category_outside_the_factur_x_list_is_FX_SCH_A_000179_instead_of_BR_CL_18()
    {
        var valid = Read("real/akretion/factur-x-en16931.xml");
        Assert.Empty(Of(Validate(valid), "FX-SCH-A-000179"));

        var report = Validate(ReplaceFirst(valid, "<ram:CategoryCode>S</ram:CategoryCode>", "<ram:CategoryCode>B</ram:CategoryCode>"));
        var finding = Assert.Single(Of(report, "FX-SCH-A-000179"));
        Assert.Equal(FindingSeverity.Fatal, finding.Severity);
        Assert.Equal("BT-118", finding.BusinessTerm);
        Assert.EndsWith("ram:ApplicableTradeTax[1]/ram:CategoryCode[1]", finding.Location, StringComparison.Ordinal);
        Assert.Contains("B", finding.MessageEn, StringComparison.Ordinal);
        Assert.Contains("catégorie", finding.MessageFr, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "BR-CL-18");
    }

    [Fact]
    public void An_exemption_reason_code_not_written_as_in_the_factur_x_vatex_list_is_FX_SCH_A_000181()
    {
        var invalid = Read("real/cen/XRechnung-O.xml");
        var finding = Assert.Single(Of(Validate(invalid), "FX-SCH-A-000181"));
        Assert.Contains("vatex-eu-132-1a", finding.MessageEn, StringComparison.Ordinal);
        Assert.EndsWith("ram:ExemptionReasonCode[1]", finding.Location, StringComparison.Ordinal);
        // The CEN list compares without case, so the en16931 profile accepts the same code.
        Assert.Empty(Of(Validate(invalid, ValidationProfile.En16931), "BR-CL-22"));

        Assert.Empty(Of(Validate(invalid.Replace("vatex-eu-132-1a", "VATEX-EU-132-1A", StringComparison.Ordinal)), "FX-SCH-A-000181"));
    }

    [Fact]
    public void A_line_object_reference_without_its_type_code_is_FX_SCH_A_000020()
    {
        var invalid = Read("real/cen/XRechnung-O.xml");
        var findings = Of(Validate(invalid), "FX-SCH-A-000020");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.EndsWith("ram:SpecifiedLineTradeSettlement[1]/ram:AdditionalReferencedDocument[1]", f.Location, StringComparison.Ordinal));
        Assert.Contains("0 found", findings[0].MessageEn, StringComparison.Ordinal);

        var fixedXml = invalid.Replace("<ram:IssuerAssignedID>50028642477</ram:IssuerAssignedID>\n        </ram:AdditionalReferencedDocument>", "<ram:IssuerAssignedID>50028642477</ram:IssuerAssignedID>\n          <ram:TypeCode>130</ram:TypeCode>\n        </ram:AdditionalReferencedDocument>", StringComparison.Ordinal);
        Assert.Empty(Of(Validate(fixedXml), "FX-SCH-A-000020"));
    }

    [Fact]
    public void A_seller_without_name_is_FX_SCH_A_000030_and_an_invoice_without_lines_FX_SCH_A_000265()
    {
        Assert.Empty(Of(Validate(Read("real/akretion/factur-x-en16931.xml")), "FX-SCH-A-000030"));
        Assert.Empty(Of(Validate(Read("real/akretion/factur-x-en16931.xml")), "FX-SCH-A-000265"));

        var noName = Assert.Single(Of(Validate(Read("mutated/cii-16-missing-seller-name.xml")), "FX-SCH-A-000030"));
        Assert.EndsWith("ram:SellerTradeParty[1]", noName.Location, StringComparison.Ordinal);
        var noLines = Assert.Single(Of(Validate(Read("mutated/cii-18-no-lines.xml")), "FX-SCH-A-000265"));
        Assert.Contains("EN 16931", noLines.MessageEn, StringComparison.Ordinal);

        // BASIC WL carries no lines: the same absence is allowed there.
        Assert.Empty(Of(Validate(Read("real/akretion/factur-x-basicwl.xml")), "FX-SCH-A-000265"));
    }

    [Fact]
    public void An_en16931_invoice_with_an_exemption_reason_on_a_line_uses_an_element_the_profile_does_not()
    {
        var invalid = Read("real/mustang/valid_with_VAT_O.xml");
        var finding = Assert.Single(Of(Validate(invalid), "FX-NOTUSED"));
        Assert.EndsWith("ram:SpecifiedLineTradeSettlement[1]/ram:ApplicableTradeTax[1]/ram:ExemptionReason[1]", finding.Location, StringComparison.Ordinal);
        Assert.Contains("ram:ExemptionReason", finding.MessageEn, StringComparison.Ordinal);
        Assert.Contains("EN 16931", finding.MessageFr, StringComparison.Ordinal);
        Assert.Empty(Of(Validate(invalid, ValidationProfile.En16931), "FX-NOTUSED"));

        var fixedXml = ReplaceFirst(invalid, "<ram:ExemptionReason>Not subject to VAT</ram:ExemptionReason>", string.Empty);
        Assert.Empty(Of(Validate(fixedXml), "FX-NOTUSED"));
    }

    [Fact]
    public void An_en16931_invoice_with_a_currency_on_a_total_other_than_the_vat_total_uses_an_attribute_the_profile_does_not()
    {
        var valid = Read("real/akretion/factur-x-en16931.xml");
        Assert.Empty(Of(Validate(valid), "FX-NOTUSED"));
        var report = Validate(ReplaceFirst(valid, "<ram:GrandTotalAmount>", "<ram:GrandTotalAmount currencyID=\"EUR\">"));
        var finding = Assert.Single(Of(report, "FX-NOTUSED"));
        Assert.EndsWith("ram:GrandTotalAmount[1]/@currencyID", finding.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void An_en16931_additional_document_without_a_type_the_profile_knows_is_not_used()
    {
        var invalid = Read("real/cen/huf_example_cii.xml");
        var finding = Assert.Single(Of(Validate(invalid), "FX-NOTUSED"));
        Assert.Equal("BG-24", finding.BusinessTerm);
        Assert.EndsWith("ram:ApplicableHeaderTradeAgreement[1]/ram:AdditionalReferencedDocument[1]", finding.Location, StringComparison.Ordinal);
        Assert.Contains("of type —", finding.MessageEn, StringComparison.Ordinal);

        // The same reference as an invoiced object (BT-18, type 130) is used by the profile.
        var fixedXml = invalid.Replace("<ram:IssuerAssignedID>21620198615006</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>21620198615006</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode>", StringComparison.Ordinal);
        Assert.Empty(Of(Validate(fixedXml), "FX-NOTUSED"));
        var named = Assert.Single(Of(Validate(fixedXml.Replace("21620198615006</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode>", "21620198615006</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:Name>Lot</ram:Name>", StringComparison.Ordinal)), "FX-NOTUSED"));
        Assert.EndsWith("ram:AdditionalReferencedDocument[1]/ram:Name[1]", named.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extended_group_line_whose_amount_is_not_the_sum_of_its_sub_lines_breaks_BR_FXEXT_08_and_not_BR_S_08()
    {
        var invalid = Read("real/mustang/invalidSubInvoiceLineHierarchy.xml");
        var report = Validate(invalid);
        var finding = Assert.Single(Of(report, "BR-FXEXT-08"));
        Assert.Contains("999.00", finding.MessageEn, StringComparison.Ordinal);
        Assert.Contains("1050.00", finding.MessageEn, StringComparison.Ordinal);
        Assert.EndsWith("ram:LineTotalAmount[1]", finding.Location, StringComparison.Ordinal);
        // The CEN BR-S-08 counts the GROUP lines too; the EXTENDED Schematron's BR-FXEXT-S-08 counts DETAIL lines only.
        Assert.Contains(Validate(invalid, ValidationProfile.En16931).Findings, f => f.Rule == "BR-S-08");
        Assert.DoesNotContain(report.Findings, f => f.Rule is "BR-S-08" or "BR-FXEXT-S-08");

        var fixedXml = invalid.Replace("<ram:LineTotalAmount>999.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>1050.00</ram:LineTotalAmount>", StringComparison.Ordinal);
        Assert.True(Validate(fixedXml).IsValid);
    }

    [Fact]
    public void An_extended_sub_line_hierarchy_names_existing_parents_and_states_the_subtypes()
    {
        var valid = Read("real/mustang/invalidSubInvoiceLineHierarchy.xml")
            .Replace("<ram:LineTotalAmount>999.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>1050.00</ram:LineTotalAmount>", StringComparison.Ordinal);
        Assert.Empty(Of(Validate(valid), "BR-FXEXT-11"));
        Assert.Empty(Of(Validate(valid), "BR-FXEXT-06"));

        var orphan = Assert.Single(Of(Validate(ReplaceFirst(valid, "<ram:ParentLineID>01</ram:ParentLineID>", "<ram:ParentLineID>09</ram:ParentLineID>")), "BR-FXEXT-11"));
        Assert.Contains("09", orphan.MessageEn, StringComparison.Ordinal);
        var unstated = Validate(ReplaceFirst(valid, "<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>", string.Empty));
        Assert.Contains("0101", Assert.Single(Of(unstated, "BR-FXEXT-06")).MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extended_standard_rated_basis_is_checked_on_detail_lines_within_a_cent_per_amount()
    {
        var valid = Read("real/mustang/invalidSubInvoiceLineHierarchy.xml")
            .Replace("<ram:LineTotalAmount>999.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>1050.00</ram:LineTotalAmount>", StringComparison.Ordinal);
        // Four DETAIL lines: a basis 0.04 away is tolerated, 0.05 is not.
        Assert.Empty(Of(Validate(valid.Replace("<ram:BasisAmount>1500.00</ram:BasisAmount>", "<ram:BasisAmount>1500.04</ram:BasisAmount>", StringComparison.Ordinal)), "BR-FXEXT-S-08"));
        var finding = Assert.Single(Of(Validate(valid.Replace("<ram:BasisAmount>1500.00</ram:BasisAmount>", "<ram:BasisAmount>1500.05</ram:BasisAmount>", StringComparison.Ordinal)), "BR-FXEXT-S-08"));
        Assert.Contains("1500.05", finding.MessageEn, StringComparison.Ordinal);
        Assert.Contains("1500.00", finding.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_basic_wl_invoice_with_a_currency_on_the_grand_total_uses_an_attribute_the_profile_does_not()
    {
        var valid = Read("real/akretion/factur-x-basicwl.xml");
        Assert.Empty(Of(Validate(valid), "FX-NOTUSED"));
        var finding = Assert.Single(Of(Validate(ReplaceFirst(valid, "<ram:GrandTotalAmount>", "<ram:GrandTotalAmount currencyID=\"EUR\">")), "FX-NOTUSED"));
        Assert.EndsWith("ram:GrandTotalAmount[1]/@currencyID", finding.Location, StringComparison.Ordinal);
        Assert.Contains("BASIC WL", finding.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowance_whose_indicator_is_neither_true_nor_false_and_a_charge_reason_from_another_list_are_not_used()
    {
        var valid = Read("real/akretion/factur-x-basicwl.xml");
        var report = Validate(ReplaceFirst(valid, "<udt:Indicator>false</udt:Indicator>", "<udt:Indicator>1</udt:Indicator>"));
        var finding = Assert.Single(Of(report, "FX-NOTUSED"));
        Assert.Equal("BG-20", finding.BusinessTerm);
        Assert.Contains("ChargeIndicator = 1", finding.MessageEn, StringComparison.Ordinal);

        var charge = Assert.Single(Of(Validate(ReplaceFirst(valid, "<ram:ReasonCode>FC</ram:ReasonCode>", "<ram:ReasonCode listID=\"7161\">FC</ram:ReasonCode>")), "FX-NOTUSED"));
        Assert.Equal("BT-105", charge.BusinessTerm);
        Assert.Contains("listID = 7161", charge.MessageEn, StringComparison.Ordinal);
        Assert.Empty(Of(Validate(ReplaceFirst(valid, "<ram:ReasonCode>FC</ram:ReasonCode>", "<ram:ReasonCode listID=\"5153\">FC</ram:ReasonCode>")), "FX-NOTUSED"));
    }

    [Fact]
    public void A_basic_invoice_with_a_line_allowance_base_and_rate_uses_elements_the_profile_does_not()
    {
        var en16931 = Read("real/akretion/factur-x-en16931.xml");
        Assert.Empty(Of(Validate(en16931), "FX-NOTUSED"));
        var basic = en16931.Replace("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>", "<ram:ID>urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic</ram:ID>", StringComparison.Ordinal);
        var findings = Of(Validate(basic), "FX-NOTUSED");
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Location.EndsWith("ram:SpecifiedTradeAllowanceCharge[1]/ram:BasisAmount[1]", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Location.EndsWith("ram:SpecifiedTradeAllowanceCharge[1]/ram:CalculationPercent[1]", StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Contains("BASIC", f.MessageEn, StringComparison.Ordinal));
    }

    [Fact]
    public void A_look_alike_profile_identifier_is_validated_against_the_cen_rules()
    {
        var report = Validate(Read("real/mustang/invalidV2.xml"));
        var cen = Validate(Read("real/mustang/invalidV2.xml"), ValidationProfile.En16931);
        Assert.Equal(
            cen.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => f.Rule).Order(StringComparer.Ordinal),
            report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => f.Rule).Order(StringComparer.Ordinal));
        Assert.Contains(report.Findings, f => f.Rule == "FX-PROFILE" && f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public void The_factur_x_rules_do_not_run_for_the_en16931_profile()
    {
        var report = Validate(Read("mutated/cii-21-bad-vat-category.xml"), ValidationProfile.En16931);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("FX-", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Rule == "BR-CL-18");
    }

    [Fact]
    public void A_line_invoice_reference_with_spaces_breaks_BR_FR_02_EXT_FR_FE_136_under_the_french_profile()
    {
        var invalid = Read("real/mustang/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.ubl.xml");
        var finding = Assert.Single(Of(Validate(invalid, ValidationProfile.Fr), "BR-FR-02_EXT-FR-FE-136"));
        Assert.EndsWith("cac:DocumentReference[1]/cbc:ID[1]", finding.Location, StringComparison.Ordinal);
        Assert.Contains("Line object identifier", finding.MessageFr, StringComparison.Ordinal);

        var fixedXml = invalid.Replace(">Line object identifier<", ">LINE-OBJECT-1<", StringComparison.Ordinal);
        Assert.Empty(Of(Validate(fixedXml, ValidationProfile.Fr), "BR-FR-02_EXT-FR-FE-136"));
        var tooLong = invalid.Replace(">Line object identifier<", ">" + new string('A', 36) + "<", StringComparison.Ordinal);
        Assert.Single(Of(Validate(tooLong, ValidationProfile.Fr), "BR-FR-01_EXT-FR-FE-136"));
    }

    [Fact]
    public void An_extended_invoice_using_only_extended_elements_has_nothing_not_used()
    {
        Assert.Empty(Of(Validate(Read("real/akretion/factur-x-extended.xml")), "FX-NOTUSED"));
        Assert.Empty(Of(Validate(Read("real/mustang/UC10_F202600004_EXTENDED_FX_CII_Commentee.xml")), "FX-NOTUSED"));
    }

    [Fact]
    public void An_extended_invoice_with_an_attribute_the_extended_profile_does_not_carry_is_FX_NOTUSED()
    {
        var report = Validate(ReplaceFirst(Read("real/akretion/factur-x-extended.xml"), "<ram:ID>123</ram:ID>", "<ram:ID schemeID=\"0088\">123</ram:ID>"));
        var finding = Assert.Single(Of(report, "FX-NOTUSED"));
        Assert.EndsWith("ram:SellerTradeParty[1]/ram:ID[1]/@schemeID", finding.Location, StringComparison.Ordinal);
        Assert.Contains("EXTENDED", finding.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain("use the EXTENDED profile", finding.MessageEn, StringComparison.Ordinal);
        Assert.False(report.IsValid);

        var despatch = Validate(ReplaceFirst(Read("real/akretion/factur-x-extended.xml"), "<ram:IssuerAssignedID>DESPADV002</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>DESPADV002</ram:IssuerAssignedID><ram:LineID>4</ram:LineID>"));
        Assert.EndsWith("ram:DespatchAdviceReferencedDocument[1]/ram:LineID[1]", Assert.Single(Of(despatch, "FX-NOTUSED")).Location, StringComparison.Ordinal);

        var contract = Validate(ReplaceFirst(Read("real/akretion/factur-x-extended.xml"), "<ram:ContractReferencedDocument>", "<ram:ContractReferencedDocument><ram:URIID>https://example.org/contrat</ram:URIID>"));
        Assert.EndsWith("ram:ContractReferencedDocument[1]/ram:URIID[1]", Assert.Single(Of(contract, "FX-NOTUSED")).Location, StringComparison.Ordinal);

        var payee = Validate(ReplaceFirst(Read("real/akretion/factur-x-extended.xml"), "<ram:Name>PAYEE NAME</ram:Name>", "<ram:Name>PAYEE NAME</ram:Name><ram:Description>Affacturage</ram:Description>"));
        Assert.EndsWith("ram:PayeeTradeParty[1]/ram:Description[1]", Assert.Single(Of(payee, "FX-NOTUSED")).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extended_line_allowance_with_a_tax_category_or_a_line_vat_total_in_a_third_currency_is_FX_NOTUSED()
    {
        var extended = Read("real/akretion/factur-x-extended.xml");
        var category = Validate(ReplaceFirst(extended, "<ram:Reason>FRAIS PALETTE</ram:Reason>", "<ram:Reason>FRAIS PALETTE</ram:Reason><ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:CategoryTradeTax>"));
        Assert.Contains(Of(category, "FX-NOTUSED"), f => f.Location.EndsWith("ram:SpecifiedTradeAllowanceCharge[5]/ram:CategoryTradeTax[1]", StringComparison.Ordinal));

        var reasonList = Validate(ReplaceFirst(extended, "<ram:ReasonCode>100</ram:ReasonCode>", "<ram:ReasonCode listID=\"5189\">100</ram:ReasonCode>"));
        Assert.Contains(Of(reasonList, "FX-NOTUSED"), f => f.Location.EndsWith("ram:ReasonCode[1]/@listID", StringComparison.Ordinal));

        var currency = Validate(ReplaceFirst(extended, "<ram:LineTotalAmount>", "<ram:TaxTotalAmount currencyID=\"USD\">1.00</ram:TaxTotalAmount><ram:LineTotalAmount>"));
        Assert.Contains(Of(currency, "FX-NOTUSED"), f => f.Location.EndsWith("ram:TaxTotalAmount[1]", StringComparison.Ordinal));

        // The Factur-X reports belong to the facturx and fr validation profiles, not to en16931.
        Assert.Empty(Of(Validate(ReplaceFirst(extended, "<ram:ID>123</ram:ID>", "<ram:ID schemeID=\"0088\">123</ram:ID>"), ValidationProfile.En16931), "FX-NOTUSED"));
    }

    [Fact]
    public void A_group_line_giving_its_net_amount_requires_it_of_the_group_lines_below_it_BR_FXEXT_12()
    {
        var multiVendor = Read("real/mustang/UC10_F202600004_EXTENDED_FX_CII_Commentee.xml");
        Assert.Empty(Of(Validate(multiVendor), "BR-FXEXT-12"));

        var nested = ReplaceFirst(multiVendor, "<ram:LineID>4</ram:LineID>", "<ram:LineID>4</ram:LineID><ram:ParentLineID>1</ram:ParentLineID>");
        Assert.Empty(Of(Validate(nested), "BR-FXEXT-12"));

        var report = Validate(ReplaceFirst(nested, "<ram:LineTotalAmount>4500.00</ram:LineTotalAmount>", string.Empty));
        var finding = Assert.Single(Of(report, "BR-FXEXT-12"));
        Assert.Equal(FindingSeverity.Fatal, finding.Severity);
        Assert.Equal("BT-131", finding.BusinessTerm);
        Assert.EndsWith("ram:IncludedSupplyChainTradeLineItem[1]", finding.Location, StringComparison.Ordinal);
        Assert.Contains("line 4", finding.MessageEn, StringComparison.Ordinal);

        // Without its own net amount, the upper group asks nothing of the lower ones.
        var silent = ReplaceFirst(ReplaceFirst(nested, "<ram:LineTotalAmount>4500.00</ram:LineTotalAmount>", string.Empty), "<ram:LineTotalAmount>1000.00</ram:LineTotalAmount>", string.Empty);
        Assert.Empty(Of(Validate(silent), "BR-FXEXT-12"));
    }

    [Fact]
    public void An_extended_document_allowance_with_a_tax_amount_in_its_category_or_a_reason_code_list_is_FX_NOTUSED()
    {
        var extended = Read("real/akretion/factur-x-extended.xml");
        var report = Validate(ReplaceFirst(ReplaceFirst(extended, "<ram:ReasonCode>95</ram:ReasonCode>", "<ram:ReasonCode listID=\"5189\">95</ram:ReasonCode>"), "<ram:TypeCode>VAT</ram:TypeCode>  <!-- BT-95", "<ram:CalculatedAmount>1.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>  <!-- BT-95"));
        var locations = Of(report, "FX-NOTUSED").Select(f => f.Location).ToList();
        Assert.Equal(2, locations.Count);
        Assert.Contains(locations, l => l.EndsWith("ram:ApplicableHeaderTradeSettlement[1]/ram:SpecifiedTradeAllowanceCharge[1]/ram:ReasonCode[1]/@listID", StringComparison.Ordinal));
        Assert.Contains(locations, l => l.EndsWith("ram:SpecifiedTradeAllowanceCharge[1]/ram:CategoryTradeTax[1]/ram:CalculatedAmount[1]", StringComparison.Ordinal));

        var indicator = Validate(ReplaceFirst(extended, "<udt:Indicator>false</udt:Indicator>  <!-- BG-20-1", "<udt:Indicator>0</udt:Indicator>  <!-- BG-20-1"));
        Assert.EndsWith("ram:ApplicableHeaderTradeSettlement[1]/ram:SpecifiedTradeAllowanceCharge[1]", Assert.Single(Of(indicator, "FX-NOTUSED")).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extended_total_with_a_currency_attribute_or_a_vat_total_in_a_third_currency_is_FX_NOTUSED()
    {
        var extended = Read("real/akretion/factur-x-extended.xml");
        var basis = Validate(ReplaceFirst(extended, "<ram:TaxBasisTotalAmount>", "<ram:TaxBasisTotalAmount currencyID=\"EUR\">"));
        Assert.EndsWith("ram:TaxBasisTotalAmount[1]/@currencyID", Assert.Single(Of(basis, "FX-NOTUSED")).Location, StringComparison.Ordinal);

        var third = Validate(ReplaceFirst(extended, "<ram:TaxBasisTotalAmount>", "<ram:TaxTotalAmount currencyID=\"CHF\">1.00</ram:TaxTotalAmount><ram:TaxBasisTotalAmount>"));
        Assert.EndsWith("ram:SpecifiedTradeSettlementHeaderMonetarySummation[1]/ram:TaxTotalAmount[1]", Assert.Single(Of(third, "FX-NOTUSED")).Location, StringComparison.Ordinal);
    }
}
