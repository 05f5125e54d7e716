namespace Cantate.Invoicing.Validation.Rules;

/// <summary>Dispatches to the rules of the profile chosen on top of EN 16931.</summary>
internal static class ProfileRules
{
    public static void Check(InvoiceView view, ValidationProfile profile, List<Finding> findings)
    {
        var run = new RuleRun(view, findings);
        switch (profile)
        {
            case ValidationProfile.Chorus:
                ChorusRules.Check(run);
                break;
            case ValidationProfile.FacturX:
                FacturXRules.Check(run, findings);
                break;
            case ValidationProfile.Fr:
                // The reform validates a Factur-X invoice against its Factur-X profile first.
                if (!view.IsUbl && FacturXRules.ProfileOf(view) != FacturX.FacturXProfile.Unknown)
                {
                    FacturXRules.Check(run, findings);
                }

                FrenchRules.Check(run);
                break;
            case ValidationProfile.En16931:
            default:
                break;
        }
    }
}
