namespace Cantate.Web.Modules.Api.Reference;

/// <summary>What the reference page and the OpenAPI document say about the API, in French for its users.</summary>
public static partial class ApiCatalogue
{
    public const string Introduction =
        "API compatible avec l'API Chorus Pro (PISTE) : mêmes chemins, mêmes noms de champs, mêmes formats de date, pour que les " +
        "connecteurs existants (Odoo OCA, Pastell, bibliothèques Go, PHP, Python) fonctionnent sans modification. " +
        "Chaque appel /cpro porte un jeton (Authorization: Bearer) obtenu par POST /api/oauth/token et l'en-tête cpro-account " +
        "d'un compte technique de la structure. Toutes les opérations sont des POST avec un corps JSON, sauf GET /cpro/transverses/v1/health-check. " +
        "Succès : HTTP 200 et codeRetour 0. Erreur métier : HTTP 400, codeRetour non nul et un libellé qui nomme le champ et dit comment corriger. " +
        "Une recherche sans résultat est un succès. Les champs inconnus et les null explicites sont ignorés ; 0, \"\" et false valent « non renseigné » dans les filtres.";

    public const string TokenDescription =
        "Flux OAuth 2.0 client_credentials (RFC 6749 §4.4). client_id et client_secret dans le formulaire ou en HTTP Basic ; scope facultatif. " +
        "Chaque appel émet un nouveau jeton, valable expires_in secondes ; plusieurs jetons d'une même application sont valables en même temps.";

    public const string TokenResponseExample = """{"access_token":"q3ZJ8n0Xb2…","token_type":"Bearer","expires_in":3600,"scope":"openid"}""";

    public static IReadOnlyList<(string Name, string Description)> Families { get; } =
    [
        ("Factures", "Dépôt, recherche, consultation, traitement et suivi des factures (/cpro/factures/v1)."),
        ("Transverses", "Flux et comptes rendus, pièces jointes, annuaire des destinataires, listes de référence (/cpro/transverses/v1)."),
        ("Structures", "Structures et services de l'annuaire (/cpro/structures/v1)."),
        ("Utilisateurs", "Rattachements du compte technique (/cpro/utilisateurs/v1)."),
    ];

    public static IReadOnlyList<ApiErrorDoc> Errors { get; } =
    [
        new(0, 200, "Succès (une recherche sans résultat aussi)."),
        new(10001, 401, "Jeton absent ou en-tête Authorization mal formé."),
        new(10002, 401, "Jeton inconnu ou expiré : en demander un nouveau."),
        new(10003, 403, "En-tête cpro-account absent."),
        new(10004, 403, "Compte technique inconnu, révoqué ou mot de passe incorrect."),
        new(10005, 403, "Mot de passe du compte technique expiré : le renouveler dans l'espace « Raccordement EDI et API »."),
        new(10006, 429, "Quota d'appels de l'application dépassé (en-tête Retry-After)."),
        new(10007, 404, "Opération inconnue."),
        new(20000, 400, "La facture n'existe pas ou n'est pas visible par ce compte technique."),
        new(20001, 400, "Le compte technique n'a pas l'habilitation pour cette opération."),
        new(20002, 400, "Le statut de la facture ne permet pas cette action."),
        new(20003, 400, "Fichier trop volumineux (10 Mo par pièce jointe) ; 413 pour un corps de requête trop gros."),
        new(20100, 400, "Champ obligatoire absent, de mauvais type ou de valeur inconnue : le libellé nomme le champ."),
        new(20101, 400, "Le corps n'est pas un JSON valide."),
        new(20102, 400, "Structure, service ou flux inconnu pour ce compte."),
        new(20150, 503, "La base SIRENE ne répond pas pour le moment : renvoyer la requête plus tard."),
        new(20200, 400, "Facture refusée : règles EN 16931, Chorus Pro ou d'acheminement (chaque règle est citée avec le champ et la correction)."),
    ];
}
