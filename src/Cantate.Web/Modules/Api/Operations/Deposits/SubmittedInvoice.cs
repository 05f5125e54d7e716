using Cantate.Sirene;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>The totals of a soumettre body (montantTotal), all optional until a mode requires them.</summary>
public sealed record SubmittedTotals(decimal? WithoutVat, decimal? Vat, decimal? WithVat, decimal? Due, decimal? GlobalDiscountWithVat);

/// <summary>A pièce jointe named by a soumettre body: its pieceJointeId (ajouter/fichier) and its designation.</summary>
public sealed record SubmittedFile(int Id, string? Designation, string Field);

/// <summary>
/// What both modes of soumettre share, read as every client writes it: explicit nulls are absent, pieceJointePrincipale
/// is a list (pastell, php, fe), a single object (go) or {} (go, none), dateFacture is "YYYY-MM-DD" or RFC 3339 (go).
/// </summary>
public sealed record SubmittedInvoice
{
    public required string Mode { get; init; }
    public string? Number { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? DueDate { get; init; }
    public required string RecipientSiret { get; init; }
    public string? ServiceCode { get; init; }
    /// <summary>A1 or A2.</summary>
    public required string Cadre { get; init; }
    /// <summary>A9/A12: cadreDeFacturation.codeStructureValideur (the titulaire's or mandataire's SIRET) and codeServiceValideur.</summary>
    public ValidatorRequest? Validator { get; init; }
    /// <summary>380 (FACTURE) or 381 (AVOIR).</summary>
    public required string TypeCode { get; init; }
    public required string Currency { get; init; }
    public string? VatType { get; init; }
    public string? ExemptionReason { get; init; }
    public string? ContractNumber { get; init; }
    public string? EngagementNumber { get; init; }
    public string? OriginalNumber { get; init; }
    public string? PaymentMode { get; init; }
    public string? Comment { get; init; }
    public required SubmittedTotals Totals { get; init; }
    public IReadOnlyList<SubmittedFile> MainFiles { get; init; } = [];
    public IReadOnlyList<SubmittedFile> OtherFiles { get; init; } = [];

    public static SubmittedInvoice Read(CproRequest request, string mode, CproCaller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        request.Whole("idUtilisateurCourant");
        var supplier = request.Child("fournisseur");
        if (supplier?.Id("idFournisseur") is { } supplierId && supplierId != caller.StructureCppId)
        {
            throw new CproException(CproCodes.NotAllowed,
                $"Le fournisseur {supplierId} (fournisseur.idFournisseur) n'est pas la structure de votre compte technique : indiquez {caller.StructureCppId}, l'idStructureCPP de {caller.StructureName}.");
        }
        var recipient = request.Child("destinataire") ?? throw request.Missing("destinataire", "indiquez le destinataire, {\"codeDestinataire\": \"<SIRET>\"}");
        var siret = SiretRules.Normalize(recipient.Text("codeDestinataire"));
        if (siret.Length == 0) throw recipient.Missing("codeDestinataire", "indiquez le SIRET (14 chiffres) de la structure publique destinataire");
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit))
            throw new CproException(CproCodes.InvalidField, $"Le champ « destinataire.codeDestinataire » doit être un SIRET de 14 chiffres (reçu : « {recipient.Text("codeDestinataire")} »).");
        var references = request.Child("references") ?? CproRequest.EmptyRequest;
        var totals = request.Child("montantTotal") ?? CproRequest.EmptyRequest;
        return new SubmittedInvoice
        {
            Mode = mode,
            Number = request.Text("numeroFactureSaisi"),
            Date = request.Date("dateFacture"),
            DueDate = request.Date("dateEcheancePaiement") ?? references.Date("dateEcheancePaiement"),
            RecipientSiret = siret,
            ServiceCode = recipient.Text("codeServiceExecutant"),
            Cadre = ReadCadre(request.Child("cadreDeFacturation", "cadreFacturation")),
            Validator = ReadValidator(request.Child("cadreDeFacturation", "cadreFacturation")),
            TypeCode = (references.Text("typeFacture")?.ToUpperInvariant()) switch
            {
                null or "FACTURE" => "380",
                "AVOIR" => "381",
                var other => throw new CproException(CproCodes.InvalidField, $"Le type « {other} » (references.typeFacture) n'existe pas : FACTURE ou AVOIR."),
            },
            Currency = references.Text("deviseFacture")?.ToUpperInvariant() ?? "EUR",
            VatType = references.Text("typeTva")?.ToUpperInvariant(),
            ExemptionReason = references.Text("motifExonerationTva"),
            ContractNumber = references.Text("numeroMarche"),
            EngagementNumber = references.Text("numeroBonCommande"),
            OriginalNumber = references.Text("numeroFactureOrigine"),
            PaymentMode = references.Text("modePaiement")?.ToUpperInvariant(),
            Comment = request.Text("commentaire"),
            Totals = new SubmittedTotals(totals.Number("montantHtTotal"), totals.Number("montantTVA", "montantTva"), totals.Number("montantTtcTotal"),
                totals.Number("montantAPayer"), totals.Number("montantRemiseGlobaleTTC")),
            MainFiles = Files(request, "pieceJointePrincipale", "pieceJointePrincipaleId", "pieceJointePrincipaleDesignation"),
            OtherFiles = Files(request, "pieceJointeComplementaire", "pieceJointeComplementaireId", "pieceJointeComplementaireDesignation"),
        };
    }

    /// <summary>A1 and A2 are what a supplier deposits alone; A9 and A12 go first to their valideur, who must be named.</summary>
    private static string ReadCadre(CproRequest? cadre)
    {
        var code = cadre?.Text("codeCadreFacturation")?.ToUpperInvariant();
        switch (code)
        {
            case null or "A1" or "A1_FACTURE_FOURNISSEUR":
                return "A1";
            case "A2" or "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE":
                return "A2";
            case "A9" or "A9_FACTURE_SOUSTRAITANT" or "A12" or "A12_FACTURE_COTRAITANT":
                if (cadre!.Text("codeStructureValideur") is null)
                {
                    throw cadre.Missing("codeStructureValideur",
                        $"le cadre {code} exige le SIRET du {Invoice.ValidatorRole(code)} du marché, qui valide la facture avant son destinataire");
                }
                return code.StartsWith("A9", StringComparison.Ordinal) ? "A9" : "A12";
            default:
                throw new CproException(CproCodes.InvalidField,
                    $"Le cadre « {code} » (cadreDeFacturation.codeCadreFacturation) n'est pas accepté par soumettre : A1_FACTURE_FOURNISSEUR, A2_FACTURE_FOURNISSEUR_DEJA_PAYEE, A9_FACTURE_SOUSTRAITANT ou A12_FACTURE_COTRAITANT (les factures de travaux ont leurs propres flux).");
        }
    }

    /// <summary>The valideur as named in cadreDeFacturation; the deposit checks it (and ignores it for A1/A2).</summary>
    private static ValidatorRequest ReadValidator(CproRequest? cadre) =>
        new(cadre?.Text("codeStructureValideur"), cadre?.Text("codeServiceValideur"),
            cadre?.Qualified("codeStructureValideur") ?? "cadreDeFacturation.codeStructureValideur",
            cadre?.Qualified("codeServiceValideur") ?? "cadreDeFacturation.codeServiceValideur");

    private static List<SubmittedFile> Files(CproRequest request, string list, string idField, string designationField) =>
        request.Children(list).Select(item => item.Id(idField) is { } id
            ? new SubmittedFile(id is > 0 and <= int.MaxValue ? (int)id : throw new CproException(CproCodes.InvalidField, $"Le champ « {item.Qualified(idField)} » n'est pas un pieceJointeId valide."),
                item.Text(designationField), item.Qualified(idField))
            : throw item.Missing(idField, "indiquez le pieceJointeId rendu par transverses/v1/ajouter/fichier")).ToList();
}
