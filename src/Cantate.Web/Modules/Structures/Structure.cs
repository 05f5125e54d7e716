using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Structures;

/// <summary>A legal entity on the platform: a supplier, a public body, or both.</summary>
public sealed class Structure : IHasCppId
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>idStructureCPP in the API.</summary>
    public int CppId { get; set; }
    /// <summary>SIRET (14 digits). Unique: one fiche per établissement.</summary>
    public required string Siret { get; set; }
    public required string RaisonSociale { get; set; }
    public string? AddressLine { get; set; }
    public string? AddressComplement { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string CountryCode { get; set; } = "FR";
    public string? CategorieJuridique { get; set; }
    /// <summary>Public law (catégorie juridique 7xxx): receives invoices.</summary>
    public bool IsPublic { get; set; }
    /// <summary>SIRENE does not publish this unit's data ("diffusion partielle").</summary>
    public bool NonDiffusible { get; set; }
    /// <summary>"Déposer des demandes de paiement".</summary>
    public bool DepositsPaymentRequests { get; set; } = true;
    /// <summary>"Créer et/ou consulter des DUME".</summary>
    public bool UsesDume { get; set; }
    public DateTime CreatedAt { get; init; }
    public List<Membership> Memberships { get; init; } = [];

    // Routing rules of the directory of public structures (annuaire), as Chorus Pro names them.
    /// <summary>Listed in the directory and able to receive invoices.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>codeServiceDoitEtreRenseigne: invoices must name a service (BT-10).</summary>
    public bool ServiceCodeRequired { get; set; }
    /// <summary>numeroEJDoitEtreRenseigne: invoices must carry an engagement juridique (BT-13).</summary>
    public bool EngagementRequired { get; set; }
    /// <summary>gestionNumeroEJOuCodeService: invoices must carry a service code or an engagement juridique.</summary>
    public bool ServiceOrEngagementRequired { get; set; }
    /// <summary>statutMiseEnPaiementNestPasRemonte: the MISE_EN_PAIEMENT status is not reported by this structure.</summary>
    public bool PaymentStatusNotReported { get; set; }
}

/// <summary>Role of a user on a structure.</summary>
public enum StructureRole
{
    GestionnairePrincipal,
    GestionnaireSecondaire,
    UtilisateurSimple,
}

/// <summary>Status of a "rattachement" (the names of the Chorus Pro API).</summary>
public enum MembershipStatus
{
    EnCoursDeValidation,
    Validee,
    Refusee,
}

public static class StructureRoles
{
    public static string Label(this StructureRole role) => role switch
    {
        StructureRole.GestionnairePrincipal => "Gestionnaire principal",
        StructureRole.GestionnaireSecondaire => "Gestionnaire secondaire",
        StructureRole.UtilisateurSimple => "Utilisateur simple",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool ManagesStructure(this StructureRole role) =>
        role is StructureRole.GestionnairePrincipal or StructureRole.GestionnaireSecondaire;
}

/// <summary>
/// A user's attachment ("rattachement") to a structure, with the role and the workspaces the user holds there.
/// A request made by a user is pending until a gestionnaire of the structure accepts or refuses it.
/// </summary>
public sealed class Membership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StructureId { get; init; }
    public Structure? Structure { get; init; }
    public Guid UserId { get; init; }
    public StructureRole Role { get; set; }
    public MembershipStatus Status { get; set; }
    /// <summary>Comma-separated <see cref="Workspace"/> names; see <see cref="Workspaces.Parse"/>.</summary>
    public string WorkspaceList { get; set; } = string.Empty;
    public DateTime RequestedAt { get; init; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }

    public IReadOnlySet<Workspace> Workspaces => Modules.Structures.Workspaces.Parse(WorkspaceList);
}
