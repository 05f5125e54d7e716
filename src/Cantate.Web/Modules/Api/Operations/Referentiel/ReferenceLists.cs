namespace Cantate.Web.Modules.Api.Operations.Referentiel;

/// <summary>
/// The static lists of the <c>transverses/v1/recuperer/...</c> operations, as Chorus Pro names their values
/// (chorus-pro.md §3.3 to §3.5 and the clients' enums). Where Chorus Pro's own codes are not published, the platform
/// chose them: the VAT rate codes other than TVA1 and the attachment types.
/// </summary>
public static class ReferenceLists
{
    public sealed record VatRate(string Code, string Label, decimal Value);

    public sealed record AttachmentType(int Id, string Code, string Label, string ObjectType);

    public sealed record Exemption(string Code, string Label);

    /// <summary>The French VAT rates; TVA1 is the code pastell's fixture shows for the franchise en base.</summary>
    public static IReadOnlyList<VatRate> VatRates { get; } =
    [
        new("TVA1", "Art 293B(FranchiseEnBase)", 0m),
        new("TVA_20", "TVA 20 % (taux normal)", 20m),
        new("TVA_10", "TVA 10 % (taux intermédiaire)", 10m),
        new("TVA_8_5", "TVA 8,5 % (taux normal en Guadeloupe, en Martinique et à La Réunion)", 8.5m),
        new("TVA_5_5", "TVA 5,5 % (taux réduit)", 5.5m),
        new("TVA_2_1", "TVA 2,1 % (taux particulier ; taux réduit outre-mer)", 2.1m),
        new("TVA_1_05", "TVA 1,05 % (taux particulier outre-mer)", 1.05m),
        new("TVA_0_9", "TVA 0,9 % (taux particulier en Corse)", 0.9m),
        new("TVA_0", "TVA 0 % (exonération ou taux zéro)", 0m),
    ];

    /// <summary>typeDemandePaiement values, and the cadres de facturation of each (chorus-pro.md §3.4).</summary>
    public static IReadOnlyList<(string Type, IReadOnlyList<string> Cadres)> CadresByPaymentRequestType { get; } =
    [
        ("FACTURE", ["A1_FACTURE_FOURNISSEUR", "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE", "A9_FACTURE_SOUSTRAITANT", "A12_FACTURE_COTRAITANT"]),
        ("MEMOIRE_JUSTICE", ["A3_MEMOIRE_JUSTICE"]),
        ("FACTURE_TRAVAUX",
        [
            "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR", "A5_ETAT_ACOMPTE_FOURNISSEUR", "A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR",
            "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR", "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR", "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT",
            "A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT", "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT", "A14_PROJET_DECOMPTE_FINAL_COTRAITANT",
            "A15_ETAT_ACOMPTE_MOE", "A16_ETAT_ACOMPTE_VALIDE_MOE", "A17_PROJET_DECOMPTE_GENERAL_MOE", "A18_DECOMPTE_GENERAL_MOE",
            "A19_ETAT_ACOMPTE_VALIDE_MOA", "A20_DECOMPTE_GENERAL_MOA", "A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE",
            "A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR", "A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE",
            "A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE",
        ]),
        ("DEMANDE_REMBOURSEMENT_TIC", ["A21_DEMANDE_REMBOURSEMENT_TIC"]),
    ];

    /// <summary>The 25 cadres in their numeric order (A1 to A25).</summary>
    public static IReadOnlyList<string> Cadres { get; } =
        [.. CadresByPaymentRequestType.SelectMany(t => t.Cadres).OrderBy(c => int.Parse(c[1..c.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>modeDepot values of Chorus Pro (php IModeDepot; SAISIE_WEB and PORTAIL_PDF in go's sample).</summary>
    public static IReadOnlyList<string> DepositModes { get; } =
    [
        "SAISIE_WEB", "PORTAIL_PDF", "EDI_XML_STRUCT", "EDI_MIXTE", "EDI_PDF_ARCHIVE", "SAISIE_PORTAIL", "SAISIE_API", "DEPOT_PDF_PORTAIL",
        "DEPOT_PDF_SIGNE_PORTAIL", "DEPOT_PDF_API", "DEPOT_PDF_SIGNE_API", "EDI", "UPLOAD_PORTAIL", "UPLOAD_API", "EDI_NUMERISATION",
    ];

    /// <summary>modePaiement (php IModePaiement, fe).</summary>
    public static IReadOnlyList<string> PaymentMeans { get; } = ["CHEQUE", "PRELEVEMENT", "VIREMENT", "ESPECE", "AUTRE", "REPORT"];

    /// <summary>formatFlux of recupererFormatFlux (php IFormatFlux).</summary>
    public static IReadOnlyList<string> FlowFormats { get; } = ["IN_DP_E1_STRUCT", "IN_DP_E2_MIXTE", "IN_DP_E2_FACTURX"];

    /// <summary>typeObjet of an attachment type (go's TypeObjet).</summary>
    public static IReadOnlyList<string> ObjectTypes { get; } =
    [
        "STRUCTURE", "UTILISATEUR", "CB", "MANDAT", "FICHE_RACCORDEMENT", "EJ", "MEMOIRE", "DMD_RBST", "TRANSVERSE", "FACTURE_TRAVAUX",
        "FACTURE", "DMDE_CPTE_DEV_SI_EXT", "SOLLICITATION", "CERTIFICAT", "PJ_REJET_EDI",
    ];

    public static IReadOnlyList<AttachmentType> AttachmentTypes { get; } =
    [
        new(1, "BON_COMMANDE", "Bon de commande", "FACTURE"),
        new(2, "BON_LIVRAISON", "Bon de livraison", "FACTURE"),
        new(3, "DEVIS", "Devis", "FACTURE"),
        new(4, "MARCHE", "Contrat ou pièce du marché", "FACTURE"),
        new(5, "JUSTIFICATIF", "Justificatif de dépense", "FACTURE"),
        new(6, "ATTESTATION", "Attestation", "FACTURE"),
        new(7, "AUTRE", "Autre pièce jointe", "FACTURE"),
        new(8, "MEMOIRE", "Pièce justificative du mémoire", "MEMOIRE"),
        new(9, "SITUATION_TRAVAUX", "Pièce de la facture de travaux", "FACTURE_TRAVAUX"),
        new(10, "RIB", "Relevé d'identité bancaire", "CB"),
        new(11, "KBIS", "Extrait Kbis ou justificatif d'immatriculation", "STRUCTURE"),
        new(12, "MANDAT", "Mandat", "MANDAT"),
    ];

    /// <summary>Motifs d'exonération: the VATEX codes (EN 16931 BT-121) that French invoices use, with their CGI article.</summary>
    public static IReadOnlyList<Exemption> Exemptions { get; } =
    [
        new("VATEX-FR-FRANCHISE", "TVA non applicable, article 293 B du CGI (franchise en base)"),
        new("VATEX-EU-IC", "Livraison intracommunautaire exonérée, article 262 ter I du CGI"),
        new("VATEX-EU-G", "Exportation hors de l'Union européenne exonérée, article 262 I du CGI"),
        new("VATEX-EU-AE", "Autoliquidation, article 283 du CGI"),
        new("VATEX-EU-O", "Opération hors du champ d'application de la TVA"),
        new("VATEX-EU-79-C", "Débours, article 267 II 2° du CGI"),
        new("VATEX-EU-132", "Exonération des activités d'intérêt général, article 261 du CGI"),
        new("VATEX-EU-D", "Régime particulier des agences de voyages, article 266 1 e du CGI"),
        new("VATEX-EU-F", "Régime de la marge des biens d'occasion, article 297 A du CGI"),
        new("VATEX-EU-I", "Régime de la marge des objets d'art, article 297 A du CGI"),
        new("VATEX-EU-J", "Régime de la marge des objets de collection et d'antiquité, article 297 A du CGI"),
    ];
}
