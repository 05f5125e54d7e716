namespace Cantate.Web.Modules.Structures;

/// <summary>An "espace de travail": a set of features a user opens for a structure.</summary>
public enum Workspace
{
    FacturesEmises,
    SollicitationsEmises,
    FacturesRecues,
    /// <summary>The titulaire or mandataire validates the A9/A12 invoices of its sous-traitants and cotraitants.</summary>
    FacturesAValider,
    FacturesDeTravaux,
    EngagementsJuridiques,
    SollicitationsRecues,
    RaccordementEdiApi,
    Dume,
}

public static class Workspaces
{
    /// <summary>Every workspace, in the order the portal shows them.</summary>
    public static IReadOnlyList<Workspace> All { get; } = Enum.GetValues<Workspace>();

    public static string Label(this Workspace workspace) => workspace switch
    {
        Workspace.FacturesEmises => "Factures émises",
        Workspace.SollicitationsEmises => "Sollicitations émises",
        Workspace.FacturesRecues => "Factures reçues",
        Workspace.FacturesAValider => "Factures à valider",
        Workspace.FacturesDeTravaux => "Factures de travaux",
        Workspace.EngagementsJuridiques => "Engagements juridiques",
        Workspace.SollicitationsRecues => "Sollicitations reçues",
        Workspace.RaccordementEdiApi => "Raccordement EDI et API",
        Workspace.Dume => "DUME",
        _ => throw new ArgumentOutOfRangeException(nameof(workspace), workspace, null),
    };

    /// <summary>The URL segment of the workspace ("factures-emises").</summary>
    public static string Slug(this Workspace workspace) => workspace switch
    {
        Workspace.FacturesEmises => "factures-emises",
        Workspace.SollicitationsEmises => "sollicitations-emises",
        Workspace.FacturesRecues => "factures-recues",
        Workspace.FacturesAValider => "factures-a-valider",
        Workspace.FacturesDeTravaux => "factures-de-travaux",
        Workspace.EngagementsJuridiques => "engagements-juridiques",
        Workspace.SollicitationsRecues => "sollicitations-recues",
        Workspace.RaccordementEdiApi => "raccordement-edi-api",
        Workspace.Dume => "dume",
        _ => throw new ArgumentOutOfRangeException(nameof(workspace), workspace, null),
    };

    public static Workspace? FromSlug(string? slug) => All.Cast<Workspace?>().FirstOrDefault(w => w!.Value.Slug() == slug);

    /// <summary>
    /// Workspaces switched on when an account is created: a supplier sends invoices and support requests;
    /// a public structure receives invoices and support requests, and may send requests too.
    /// </summary>
    public static IReadOnlySet<Workspace> DefaultsFor(bool isPublicStructure, bool depositsPaymentRequests) =>
        isPublicStructure
            ? new HashSet<Workspace> { Workspace.FacturesRecues, Workspace.SollicitationsRecues, Workspace.SollicitationsEmises }
            : depositsPaymentRequests
                ? new HashSet<Workspace> { Workspace.FacturesEmises, Workspace.SollicitationsEmises }
                : new HashSet<Workspace> { Workspace.SollicitationsEmises };

    /// <summary>The workspaces offered at account creation: DUME only when that feature was chosen.</summary>
    public static IEnumerable<Workspace> OfferedAtCreation(bool dume) => All.Where(w => w != Workspace.Dume || dume);

    public static string Serialize(IEnumerable<Workspace> workspaces) =>
        string.Join(',', workspaces.Distinct().Order().Select(w => w.ToString()));

    public static IReadOnlySet<Workspace> Parse(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => Enum.TryParse<Workspace>(v, out var w) ? (Workspace?)w : null)
            .Where(w => w is not null).Select(w => w!.Value).ToHashSet();
}
