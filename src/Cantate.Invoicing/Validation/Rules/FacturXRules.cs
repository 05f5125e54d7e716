using System.Collections.Frozen;
using Cantate.Invoicing.FacturX;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The Factur-X profile, chosen by BT-24, for CII invoices. MINIMUM and BASIC WL carry no invoice lines, so the
/// EN 16931 rules that need lines or line totals are not applied to them; EXTENDED lines may be sub-lines
/// without quantity or price; the CEN CII syntax binding rules give way to the Factur-X Schematron's.
/// (The per-profile "element not used" checks of the Factur-X Schematron, FX-NOTUSED, are not implemented.)
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

    public static FacturXProfile ProfileOf(InvoiceView view) => FacturXProfiles.FromSpecificationId(view.CustomizationId?.Value);

    public static void Check(RuleRun run, List<Finding> findings)
    {
        var v = run.View;
        var profile = ProfileOf(v);
        if (profile == FacturXProfile.Unknown)
        {
            run.Fail(UnknownProfile, v.CustomizationId, v.CustomizationId);
            return;
        }

        if (v.IsUbl)
        {
            return;
        }

        findings.RemoveAll(f => NotInFacturX.Contains(f.Rule));
        if (profile is FacturXProfile.Minimum or FacturXProfile.BasicWl)
        {
            findings.RemoveAll(f => LineRules.Contains(f.Rule) || HeaderOnlyRules.Contains(f.Rule) || SyntaxBinding(f.Rule));
        }
        else if (profile is FacturXProfile.Extended or FacturXProfile.ExtendedCtcFr)
        {
            findings.RemoveAll(f => ExtendedLineRules.Contains(f.Rule));
        }
    }
}
