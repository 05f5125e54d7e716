using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The Factur-X profile, chosen by BT-24, for CII invoices. MINIMUM and BASIC WL carry no invoice lines, so the
/// EN 16931 rules that need lines or line totals are not applied to them; EXTENDED lines may be sub-lines
/// without quantity or price; the CEN CII syntax binding rules give way to the Factur-X Schematron's.
/// The "element not used" reports of the Factur-X Schematron (reported as FX-NOTUSED, as they carry no id) are
/// implemented for MINIMUM here and for EN 16931 in <see cref="FacturXSchematronRules"/>, with a first set of the
/// FX-SCH-A-* cardinality and code-list assertions.
/// </summary>
internal static class FacturXRules
{
    private static readonly RuleDefinition UnknownProfile = Warning("FX-PROFILE", "BT-24", "L'identifiant de spécification (BT-24 = {0}) ne désigne aucun profil Factur-X ; les règles EN 16931 s'appliquent.", "The specification identifier (BT-24 = {0}) names no Factur-X profile; the EN 16931 rules apply.");

    /// <summary>EN 16931 rules that presuppose invoice lines, or totals computed from them.</summary>
    private static readonly FrozenSet<string> LineRules = new[]
    {
        "BR-16", "BR-12", "BR-CO-10", "BR-CO-13", "BR-CO-14", "BR-CO-16", "BR-CO-18",
        "BR-S-08", "BR-Z-08", "BR-E-08", "BR-AE-08", "BR-IC-08", "BR-G-08", "BR-O-08", "BR-AF-08", "BR-AG-08",
        "BR-S-01", "BR-Z-01", "BR-E-01", "BR-AE-01", "BR-IC-01", "BR-G-01", "BR-O-01", "BR-AF-01", "BR-AG-01",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>CEN rules that the Factur-X 1.09 Schematron does not carry in the EN 16931 and EXTENDED profiles.</summary>
    private static readonly FrozenSet<string> NotInFacturX = new[] { "CII-SR-439", "CII-DT-097", "BR-S-10" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The MINIMUM and BASIC WL Schematrons carry none of the CEN CII syntax binding rules.</summary>
    private static bool SyntaxBinding(string rule) =>
        rule.StartsWith("CII-SR-", StringComparison.Ordinal) || rule.StartsWith("CII-DT-", StringComparison.Ordinal);

    /// <summary>MINIMUM and BASIC WL do not require the buyer's postal address either.</summary>
    private static readonly FrozenSet<string> HeaderOnlyRules = new[] { "BR-10", "BR-11" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>EXTENDED lines may be group or information sub-lines, without quantity, price or VAT of their own.</summary>
    private static readonly FrozenSet<string> ExtendedLineRules = new[]
    {
        "BR-21", "BR-22", "BR-23", "BR-24", "BR-25", "BR-26", "BR-27", "BR-28", "BR-CO-04", "BR-CO-10",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The identifiers by which the Factur-X validation chooses a profile Schematron: exactly those of Factur-X 1.0x
    /// and ZUGFeRD 2.x. A look-alike (<c>urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:extended</c>) or an
    /// XRechnung identifier is validated against the CEN rules, as the official Factur-X validation does.
    /// </summary>
    private static readonly FrozenDictionary<string, FacturXProfile> Identifiers = new Dictionary<string, FacturXProfile>(StringComparer.Ordinal)
    {
        [FacturXProfile.Minimum.SpecificationId()] = FacturXProfile.Minimum,
        [FacturXProfile.BasicWl.SpecificationId()] = FacturXProfile.BasicWl,
        [FacturXProfile.Basic.SpecificationId()] = FacturXProfile.Basic,
        [FacturXProfile.En16931.SpecificationId()] = FacturXProfile.En16931,
        [FacturXProfile.Extended.SpecificationId()] = FacturXProfile.Extended,
        [FacturXProfile.ExtendedCtcFr.SpecificationId()] = FacturXProfile.ExtendedCtcFr,
        ["urn:zugferd.de:2p0:minimum"] = FacturXProfile.Minimum,
        ["urn:zugferd.de:2p0:basicwl"] = FacturXProfile.BasicWl,
        ["urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic"] = FacturXProfile.Basic,
        ["urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended"] = FacturXProfile.Extended,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Factur-X profile whose Schematron applies, or Unknown when the CEN rules apply alone.</summary>
    public static FacturXProfile ProfileOf(InvoiceView view) =>
        view.CustomizationId is { } id && Identifiers.TryGetValue(XmlValues.StringValue(id).Trim(), out var profile) ? profile : FacturXProfile.Unknown;

    /// <summary>Whether BT-24 names a reference profile validated by the CEN rules alone (XRECHNUNG).</summary>
    private static bool IsCenReferenceProfile(InvoiceView view) =>
        FacturXProfiles.FromSpecificationId(view.CustomizationId?.Value) is FacturXProfile.XRechnung;

    /// <summary>
    /// The CEN code-list rules that the Factur-X Schematron replaces by its own code lists: BR-CL-18 everywhere
    /// (FX-SCH-A-000179), BR-CL-22 in the VAT breakdown (FX-SCH-A-000181).
    /// </summary>
    private static bool ReplacedCodeList(Finding f) =>
        f.Rule == "BR-CL-18"
        || (f.Rule == "BR-CL-22" && f.Location.Contains("ram:ApplicableHeaderTradeSettlement[1]/ram:ApplicableTradeTax[", StringComparison.Ordinal));

    public static void Check(RuleRun run, List<Finding> findings)
    {
        var v = run.View;
        var profile = ProfileOf(v);
        if (profile == FacturXProfile.Unknown)
        {
            if (!IsCenReferenceProfile(v))
            {
                run.Fail(UnknownProfile, v.CustomizationId, v.CustomizationId);
            }

            return;
        }

        if (v.IsUbl)
        {
            return;
        }

        findings.RemoveAll(f => NotInFacturX.Contains(f.Rule) || ReplacedCodeList(f));
        FacturXSchematronRules.Check(run, v.Root, profile);
        if (profile is FacturXProfile.Minimum or FacturXProfile.BasicWl)
        {
            findings.RemoveAll(f => LineRules.Contains(f.Rule) || HeaderOnlyRules.Contains(f.Rule) || SyntaxBinding(f.Rule));
        }
        else if (profile is FacturXProfile.Extended or FacturXProfile.ExtendedCtcFr)
        {
            findings.RemoveAll(f => ExtendedLineRules.Contains(f.Rule) || f.Rule == FacturXExtendedRules.ReplacedRule);
            FacturXExtendedRules.Check(run, v.Root);
        }
    }
}
