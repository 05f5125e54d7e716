using Cantate.Web.Modules.Api.Reference;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// The API reference entries of the follow-up operations (requests as the named clients send them, answers as the
/// platform gives them), for <see cref="ApiCatalogue"/>'s invoice operations.
/// </summary>
public static class TrackingReference
{
    private const string Row =
        """{"numeroFacture":"F-2026-001","statut":"MISE_A_DISPOSITION","dateDepot":"2026-11-26","dateFacture":"2026-11-20","dateHeureEtatCourant":"2026-11-26T18:47:07.460Z","montantAPayer":360.0,"montantHT":300.0,"montantTTC":360.0,"devise":"EUR","idFournisseur":1,"codeFournisseur":"84321765400014","typeIdentifiantFournisseur":"SIRET","designationFournisseur":"ATELIER DUPONT MENUISERIE","idDestinataire":2,"codeDestinataire":"13002526500013","designationDestinataire":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","modeDepot":"FLUX","typeFacture":"FACTURE","typeDemandePaiement":"FACTURE","cadreFacturation":"A1_FACTURE_FOURNISSEUR"}""";

    private const string Facture =
        """{"codeRetour":0,"libelle":"TRA_MSG_00.000","facture":{"identifiantFactureCPP":1,"numeroFacture":"F-2026-001","statutFacture":"MISE_A_DISPOSITION","modeDepot":"FLUX","cadreDeFacturation":{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},"destinataire":{"codeDestinataire":"13002526500013","libelleDestinataire":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","idDestinataire":2,"destinataireEtat":"ACTIF","adresseDestinataireDetail":"20 AVENUE DE SEGUR","adresseDestinataireCodePostal":"75007","adresseDestinataireVille":"PARIS 7","adresseDestinataireCodePays":"FR"},"fournisseur":{"idFournisseur":1,"codeFournisseur":"84321765400014","typeIdentifiantFournisseur":"SIRET","designationFournisseur":"ATELIER DUPONT MENUISERIE","adresseFournisseurDetail":"12 rue des Lilas","adresseFournisseurCodePostal":"69003","adresseFournisseurVille":"Lyon","adresseFournisseurCodePays":"FR"},"references":{"dateCreationFacture":"2026-11-26 19:47","dateDepot":"2026-11-26","dateFacture":"2026-11-20","codeDeviseFacture":"EUR","deviseFacture":"EUR","typeFacture":"FACTURE","tailleTotalePiecesJointes":0},"montantTotal":{"montantHtTotal":300.0,"montantTVA":60.0,"montantTtcTotal":360.0,"montantRemiseGlobaleTTC":0,"montantTtcAvantRemiseGlobalTTC":360.0,"montantAPayer":360.0},"lignesDePoste":{"lignePoste":[{"lignePosteNumero":1,"lignePosteDenomination":"Fourniture et pose d'étagères","lignePosteQuantite":3,"lignePosteUnite":"C62","lignePosteMontantUnitaireHT":100,"lignePosteMontantRemiseHT":0,"lignePosteTauxTva":"20","lignePosteTauxTvaManuel":20,"lignePosteMontantHtApresRemise":300}],"pageCouranteLignesPoste":1,"pagesLignesPoste":1,"nbResultatsParPageLignesPoste":1,"totalLignesPoste":1},"recapitulatifDeTva":{"ligneTva":[{"ligneTvaMontantBaseHtParTaux":300,"ligneTvaMontantTvaParTaux":60,"ligneTvaTauxManuel":20}],"pageCouranteLignesRecapitulativesTVA":1,"pagesLignesRecapitulativesTVA":1,"nbResultatsParPageLignesRecapitulativesTVA":1,"totalLignesRecapitulativesTVA":1},"listeDesPiecesJointes":{"pieceJointe":[],"pageCouranteListePiecesJointe":1,"pagesListePiecesJointe":0,"nbResultatsParPageListePiecesJointe":1,"totalListePiecesJointe":0},"pieceJointePrincipale":{}}}""";

    private const string Consultation =
        "La facture complète : cadre de facturation, destinataire et service exécutant, fournisseur et coordonnées bancaires, références " +
        "(dateCreationFacture au format AAAA-MM-JJ HH:MM, dates AAAA-MM-JJ), montants, lignes et récapitulatif de TVA lus dans le document déposé, " +
        "pièces jointes. Les clés de pagination de go (pLignesPoste… côté fournisseur, rechercheLignePoste… côté destinataire) sont acceptées ; " +
        "sans elles toutes les lignes sont rendues. Une facture d'une autre structure « n'existe pas » (20000).";

    /// <summary>A search row with the side's id first and the side's own fields last (JSON members, without braces).</summary>
    private static string WithFields(string row, string first, string last) => "{" + first + "," + row[1..^1] + "," + last + "}";

    public static IReadOnlyList<ApiOperationDoc> Operations { get; } =
    [
        new("Factures", "POST", "/factures/v1/rechercher/fournisseur", "Rechercher les factures émises",
            "Les factures déposées par votre structure. Filtres : numeroFluxDepot, numeroFacture (le numéro inscrit dans la facture), statutCourant[], " +
            "typeFacture (FACTURE ou AVOIR), cadreFacturation, modeDepot, numeroBonCommande, montants (HT, TTC, à payer ; Min et Max), périodes " +
            "(dateFacture, dateDepot, dateHeureEtatCourant ; Du et Au), listeDestinataire[].idDestinataire, rejetTraite (true : rejets acquittés). " +
            "0, \"\", false et null valent « pas de filtre ». Pagination rechercheFactureParFournisseur {pageResultatDemandee, nbResultatsParPage " +
            "(10 par défaut, 1000 au plus), triColonne, triSens ou triSense} ; résultat dans parametresRetour.",
            """{"numeroFluxDepot":"FLX20261126J4HFFHQD"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeFactures":[""" + WithFields(Row, "\"identifiantFactureCPP\":1", "\"numeroFluxDepot\":\"FLX20261126J4HFFHQD\",\"rejetTraite\":false") +
            """],"parametresRetour":{"pageCourante":1,"pages":1,"nbResultatsParPage":10,"total":1}}""",
            ExampleClient: "Odoo (OCA)"),
        new("Factures", "POST", "/factures/v1/rechercher/recipiendaire", "Rechercher les factures reçues",
            "Les factures mises à disposition de votre structure (pas celles encore en cours d'acheminement). typeDemandePaiement FACTURE ou absent ; " +
            "FACTURE_TRAVAUX donne une liste vide (succès). Filtres : listeFournisseurs[].idFournisseur, idServiceExecutant, numeroFacture, statutCourant[], " +
            "listeTypeFacture[], montants, périodes, factureTelechargeeParDestinataire (false : pas encore téléchargées). Pagination paramRecherche ; " +
            "pageCourante, pages, nbResultatsParPage et total au premier niveau de la réponse.",
            """{"typeDemandePaiement":"FACTURE","paramRecherche":{"nbResultatsParPage":1000,"pageResultatDemandee":1,"nbResultatsMaximum":999999}}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeFactures":[""" + WithFields(Row, "\"idFacture\":1", "\"factureTelechargeeParDestinataire\":false") +
            """],"pageCourante":1,"pages":1,"nbResultatsParPage":1000,"total":1}""",
            Caller: "destinataire", ExampleClient: "Pastell"),
        new("Factures", "POST", "/factures/v1/consulter/fournisseur", "Consulter une facture émise", Consultation,
            """{"identifiantFactureCPP":1}""", Facture, ExampleClient: "facturation_electronique"),
        new("Factures", "POST", "/factures/v1/consulter/recipiendaire", "Consulter une facture reçue", Consultation,
            """{"identifiantFactureCPP":1}""", Facture, Caller: "destinataire"),
        new("Factures", "POST", "/factures/v1/consulter/historique", "Historique d'une facture",
            "idFacture : l'identifiant de la facture, le même pour le fournisseur et le destinataire. Statuts du plus récent au plus ancien " +
            "(triSensListeHistoStatut Ascendant pour l'inverse) ; nbResultatsMaximum 0 ou absent : tous. histoStatutDatePassage au format AAAA-MM-JJ HH:MM. " +
            "Les actions (acquittement du rejet, téléchargement par le destinataire) et les pièces jointes ajoutées sont dans leurs listes ; " +
            "ces objets sont toujours présents.",
            """{"idFacture":1,"nbResultatsMaximum":50}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","idFacture":1,"numeroFacture":"F-2026-001","modeDepot":"FLUX","statutCourantCode":"MISE_A_DISPOSITION","derniereAction":{"derniereActionCode":"MISE_A_DISPOSITION","derniereActionId":3},"historiquesDesStatuts":{"histoStatut":[{"histoStatutId":3,"histoStatutCode":"MISE_A_DISPOSITION","histoStatutDatePassage":"2026-11-26 19:47","histoStatutUtilisateurNom":"Cantate"}],"pageCouranteHistoStatut":1,"pagesHistoStatut":1,"nbResultatsParPageHistoStatut":3,"totalHistoStatut":3},"historiquesDesActionsUtilisateurs":{"histoAction":[],"pageCouranteHistoAction":1,"pagesHistoAction":0,"nbResultatsParPageHistoAction":1,"totalHistoAction":0},"historiquesDesEvenementsComplementaires":{"evenement":[],"pageCouranteEvenement":1,"pagesEvenement":0,"nbResultatsParPageEvenement":1,"totalEvenement":0}}""",
            ExampleClient: "Pastell"),
        new("Factures", "POST", "/factures/v1/traiter/recue", "Traiter une facture reçue",
            "nouveauStatut : A_RECYCLER, REJETEE, SUSPENDUE (motif obligatoire, 255 caractères au plus), SERVICE_FAIT, MANDATEE (numeroDPMandat conservé " +
            "dans l'historique), MISE_A_DISPOSITION_COMPTABLE, COMPTABILISEE, MISE_EN_PAIEMENT. Une transition impossible depuis le statut courant " +
            "donne 20002 en nommant ce statut. Le compte technique est l'auteur du changement dans l'historique.",
            """{"idFacture":1,"nouveauStatut":"SERVICE_FAIT","motif":"","numeroDPMandat":""}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","idFacture":1,"numeroFacture":"F-2026-001","dateTraitement":"2026-11-26","nouveauStatut":"SERVICE_FAIT"}""",
            Caller: "destinataire", ExampleClient: "Pastell"),
        new("Factures", "POST", "/factures/v1/recycler", "Recycler une facture à recycler",
            "Facture au statut A_RECYCLER : destinataire.codeDestinataire, destinataire.codeServiceExecutant, references.numeroBonCommande corrigés " +
            "(un champ absent garde sa valeur), vérifiés aussitôt dans l'annuaire (20200 sinon) ; la facture garde son numéro et repart (DEPOSEE).",
            """{"identifiantFactureCPP":1,"destinataire":{"codeDestinataire":"13002526500013","codeServiceExecutant":""},"commentaire":"Service corrigé"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","identifiantFactureCPP":1,"numeroFacture":"F-2026-001","statutFacture":"DEPOSEE","dateTraitement":"2026-11-26"}"""),
        new("Factures", "POST", "/factures/v1/completer", "Compléter une facture suspendue",
            "Facture au statut SUSPENDUE : un commentaire, des pièces jointes (pieceJointeComplementaire[].pieceJointeComplementaireId, fichiers ajoutés " +
            "par votre structure avec transverses/v1/ajouter/fichier), ou les deux. Règles de Chorus Pro : 10 Mo par fichier, 120 Mo en tout, nom de " +
            "50 caractères au plus, extensions admises. La facture passe au statut COMPLETEE ; le destinataire voit les pièces jointes.",
            """{"identifiantFactureCPP":1,"commentaire":"Attestation jointe","pieceJointeComplementaire":[{"pieceJointeComplementaireId":1}]}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","identifiantFactureCPP":1,"numeroFacture":"F-2026-001","statutFacture":"COMPLETEE","dateTraitement":"2026-11-26"}"""),
        new("Factures", "POST", "/factures/v1/telecharger/groupe", "Télécharger des factures",
            "listeFacture[].idFacture (factures émises ou reçues par votre structure). format PDF (le Factur-X déposé, ou le rendu PDF d'une facture UBL/CII) " +
            "ou PIVOT/XML (le XML de la facture). Une facture seule est rendue telle quelle en base64 dans fichierResultat ; plusieurs factures, ou " +
            "avecPiecesJointesComplementaires OUI, donnent un zip. Au-delà de 120 Mo : HTTP 413. Le téléchargement par le destinataire est enregistré.",
            """{"format":"PDF","listeFacture":[{"idFacture":1}]}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","fichierResultat":"JVBERi0xLjQK…","nomFichier":"facture-F-2026-001.pdf","typeMime":"application/pdf"}""",
            Caller: "destinataire", ExampleClient: "Pastell"),
    ];
}
