namespace Cantate.Web.Modules.Api.Reference;

public static partial class ApiCatalogue
{
    /// <summary>Every /cpro operation, in the order of the reference page.</summary>
    public static IReadOnlyList<ApiOperationDoc> Operations { get; } =
        [.. InvoiceOperations, .. FlowOperations, .. StructureOperations, .. DirectoryOperations, .. ReferenceListOperations];

    private static IEnumerable<ApiOperationDoc> StructureOperations =>
    [
        new("Structures", "POST", "/structures/v1/rechercher", "Rechercher des structures",
            "Critères : identifiantStructure, typeIdentifiantStructure, raisonSocialeStructure, adresseCodePostal, adresseVille, statutStructure, typeStructure. " +
            "\"\" et false valent « pas de filtre ». restreindreStructuresPrivees absent, \"\" ou true : structures publiques et la vôtre ; false : toutes les structures diffusibles. " +
            "10 résultats par page par défaut (parametres.nbResultatsParPage, au plus 200 ; 0 vaut la valeur par défaut).",
            """{"structure":{"identifiantStructure":"13002526500013","typeIdentifiantStructure":"SIRET"}}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeStructures":[{"idStructureCPP":1,"identifiantStructure":"13002526500013","designationStructure":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","typeIdentifiantStructure":"SIRET","statut":"ACTIVE"}],"parametresRetour":{"pageCourante":1,"pages":1,"nbResultatsParPage":10,"total":1}}""",
            ExampleClient: "Odoo (OCA)"),
        new("Structures", "POST", "/structures/v1/consulter", "Consulter une structure et ses règles de facturation",
            "idStructureCPP (ou idStructure). Les paramètres disent ce qu'une facture à cette structure doit porter : code service, engagement juridique, l'un ou l'autre. " +
            "Sur votre propre structure, dateExpirationMotPasseCompteTech donne l'expiration du mot de passe de votre compte technique.",
            """{"idStructureCPP":1,"codeLangue":"fr"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","informationGenerales":{"idStructureCPP":1,"idStructureOrigine":1,"identifiantStructure":"13002526500013","libelleStructure":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","raisonSocialeStructure":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","nomStructure":"","prenomStructure":"","emailStructure":"","numeroRcsStructure":"","numeroTVA":"","structurePriveePublique":"PUBLIQUE","typeIdentifiantStructure":"SIRET","estValideurDeleguee":false,"listeStructureDupliquees":[]},"adressePostaleDuSiege":{"adresse":"20 AVENUE DE SEGUR","codePostal":"75007","complementAdresse1":"","complementAdresse2":"","fax":"","indicatifFax":"","indicatifTelephone":"","pays":"FR","telephone":"","ville":"PARIS 7"},"parametres":{"codeServiceDoitEtreRenseigne":false,"connexionEDI":false,"estMoaUniquement":false,"estValideurDelegue":false,"gestionNumeroEJOuCodeService":false,"getaMoa":false,"nonDiffusibleInsee":false,"numeroEJDoitEtreRenseigne":false,"recevoirDonneesViaEDI":false,"statutMiseEnPaiementNestPasRemonte":false}}""",
            ExampleClient: "facturation_electronique"),
        new("Structures", "POST", "/structures/v1/rechercher/services", "Lister les services d'une structure",
            "Tous les services en une réponse quand nbResultatsParPage le permet (jusqu'à 10 000) ; actifs et inactifs, avec estActif.",
            """{"idStructure":1,"parametresRechercherServicesStructure":{"nbResultatsParPage":10000}}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeServices":[{"idService":1,"codeService":"FACTURES_PUBLIQUES","libelleService":"Service des factures publiques","estActif":true,"statutService":"ACTIF"}],"parametresRetour":{"pageCourante":1,"pages":1,"nbResultatsParPage":10000,"total":1}}""",
            ExampleClient: "Odoo (OCA)"),
        new("Structures", "POST", "/structures/v1/consulter/service", "Consulter un service",
            "parametres.numeroEngagement : une facture à ce service doit porter un engagement juridique. Les dates suivent le format ISO 8601 du Swagger PISTE.",
            """{"idStructure":1,"idService":1}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","informationsGenerales":{"codeService":"FACTURES_PUBLIQUES","descriptionService":"Service des factures publiques","nomService":"Service des factures publiques"},"adressePostale":{"adresse":"20 AVENUE DE SEGUR","codePostal":"75007","complementAdresse1":"","complementAdresse2":"","fax":"","indicatifFax":"","indicatifTelephone":"","pays":"FR","telephone":"","ville":"PARIS 7"},"parametres":{"numeroEngagement":false,"miseEnPaiement":true}}""",
            ExampleClient: "Odoo (OCA)"),
        new("Utilisateurs", "POST", "/utilisateurs/v1/monCompte/recuperer/rattachements", "Rattachements du compte technique",
            "La structure du compte technique et ses services. Souvent utilisé pour vérifier les identifiants.",
            """{"parametresRecherche":null}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeStructureRattachement":[{"idStructure":2,"identifiantStructure":"84321765400014","designationStructure":"ATELIER DUPONT MENUISERIE","idRattachementStructure":1,"roleUtilisateur":"COMPTE_TECHNIQUE","statutRattachementStructure":"VALIDEE","statutUtilisateur":"ACTIF","typeIdentifiantStructure":"SIRET","listeServicesRattache":[]}],"parametresRetour":{"pageCourante":1,"pages":1,"nbResultatsParPage":10,"total":1}}""",
            ExampleClient: "go-choruspro"),
    ];

    private static IEnumerable<ApiOperationDoc> DirectoryOperations =>
    [
        new("Transverses", "POST", "/transverses/v1/recuperer/structures/actives/fournisseur", "Structures pour lesquelles le compte dépose",
            "La structure du compte technique, si elle dépose des factures.",
            "{}",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeStructures":[{"idStructureCPP":2,"identifiant":"84321765400014","designationStructure":"ATELIER DUPONT MENUISERIE"}],"pageCourante":1,"pages":1,"nbResultatsParPage":1,"total":1}"""),
        new("Transverses", "POST", "/transverses/v1/recuperer/structures/actives/destinataire", "Structures pour lesquelles le compte reçoit",
            "La structure du compte technique, si elle est publique et active ; sinon une liste vide.",
            "{}",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeStructures":[{"idStructureCPP":1,"identifiant":"13002526500013","designationStructure":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE"}],"pageCourante":1,"pages":1,"nbResultatsParPage":1,"total":1}""",
            Caller: "destinataire", ExampleClient: "Pastell"),
        new("Transverses", "POST", "/transverses/v1/rechercher/destinataire", "Rechercher un destinataire public",
            "Par identifiant (SIRET, début accepté), nom, ville ou code postal (nomVilleCodePostal) ; structures publiques actives seulement.",
            """{"nomVilleCodePostal":"PARIS"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeDestinataires":[{"idStructureCPP":1,"siret":"13002526500013","identifiant":"13002526500013","nomDestinataire":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","adresseCodePostal":"75007","adresseVille":"PARIS 7"}],"parametresRetour":{"pageCourante":1,"pages":1,"nbResultatsParPage":10,"total":1}}"""),
        new("Transverses", "POST", "/transverses/v1/consulter/information/siret", "Informations SIRENE d'un établissement",
            "Depuis la base SIRENE de la plateforme. Toutes les valeurs sont des chaînes, sauf estActif et nonDiffusibleInsee. " +
            "Un SIRET invalide (longueur, clé de Luhn) est refusé avec la raison ; une unité non diffusible ne donne ni nom ni adresse.",
            """{"siretStructure":"84321765400014"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","siret":"84321765400014","siren":"843217654","raisonSociale":"ATELIER DUPONT MENUISERIE","adresse":"12 RUE DES LILAS 69003 LYON","categorieJuridique":"5710","localisationSiege":"69003 LYON","numeroInterneClassement":"00014","siege":"true","estActif":true,"nonDiffusibleInsee":false}""",
            ExampleClient: "go-choruspro"),
        new("Transverses", "POST", "/transverses/v1/telecharger/annuaire/destinataire", "Télécharger l'annuaire des destinataires",
            "fichierResultat : une archive ZIP (base64) contenant l'annuaire au format CSV de l'import (une ligne par service).",
            "{}",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","fichierResultat":"UEsDBBQAAAAIA…"}"""),
    ];

    private static IEnumerable<ApiOperationDoc> ReferenceListOperations =>
    [
        List("devises", "Devises (ISO 4217)", """{"codeLangue":"FR"}""",
            """"listeDevises":[{"codeDevise":"EUR","libelleDevise":"Euro"}]""""),
        List("tauxtva", "Taux de TVA français", "{}",
            """"listeTauxTva":[{"codeTauxTva":"TVA1","libelleTauxTva":"Art 293B(FranchiseEnBase)","valeurTauxTva":0},{"codeTauxTva":"TVA_20","libelleTauxTva":"TVA 20 % (taux normal)","valeurTauxTva":20}]""""),
        List("cadrefacturation", "Cadres de facturation", """{"typeDemandePaiement":"FACTURE"}""",
            """"listeCadreFacturation":[{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},{"codeCadreFacturation":"A2_FACTURE_FOURNISSEUR_DEJA_PAYEE"}],"pageCourante":1,"pages":1,"nbResultatsParPage":4,"total":4""""),
        List("modedepot", "Modes de dépôt", "{}",
            """"listeModeDepot":[{"modeDepot":"SAISIE_API"},{"modeDepot":"DEPOT_PDF_API"}],"pageCourante":1,"pages":1,"nbResultatsParPage":15,"total":15""""),
        List("typespj", "Types de pièces jointes", "{}",
            """"listeTypePieceJointe":[{"idTypePieceJointe":1,"codeTypePieceJointe":"BON_COMMANDE","libelleTypePieceJointe":"Bon de commande","typeObjet":"FACTURE"}]""""),
        List("modereglements", "Modes de paiement", "{}",
            """"listeModePaiement":[{"modePaiement":"VIREMENT"}],"pageCourante":1,"pages":1,"nbResultatsParPage":6,"total":6""""),
        List("pays", "Pays (ISO 3166)", """{"codeLangue":"FR"}""",
            """"listePays":[{"codePays":"FR","libellePays":"France"}]""""),
        List("motifs/exonerationtva", "Motifs d'exonération de TVA (codes VATEX)", "{}",
            """"listeMotifsExonerationTva":[{"codeMotifExonerationTva":"VATEX-FR-FRANCHISE","libelleMotifExonerationTva":"TVA non applicable, article 293 B du CGI (franchise en base)"}]""""),
        new("Transverses", "POST", "/transverses/v1/recuperer/motifs/refus/Facture/AValider", "Motifs de refus d'une facture à valider",
            "Les motifs codés qu'un valideur donne avec l'action REFUS de traiter/factureAValider (motifRefus, ou codeMotif / idMotif). Chorus Pro ne publie pas les siens : " +
            "cette liste est celle de Cantate, stable (ids et codes ne changent pas), la même pour A9_FACTURE_SOUSTRAITANT et A12_FACTURE_COTRAITANT ; " +
            "codeCadreFacturationAValider facultatif, un autre cadre est refusé. AUTRE demande un commentaire (complementInfo).",
            """{"codeCadreFacturationAValider":"A9_FACTURE_SOUSTRAITANT"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeMotifRefusFactureAValider":[{"idMotif":1,"codeMotif":"PRESTATIONS_NON_REALISEES","libelleMotif":"Prestations non réalisées ou non réceptionnées"}],"pageCourante":1,"pages":1,"nbResultatsParPage":8,"total":8}""",
            ExampleClient: "go-choruspro"),
        List("typeidentifiant/structure", "Types d'identifiant de structure", "{}",
            """"listeTypeIdentifiant":[{"typeIdentifiantStructure":"SIRET"}],"pageCourante":1,"pages":1,"nbResultatsParPage":7,"total":7""""),
        List("formatflux", "Formats de flux", "{}",
            """"listeFormatFlux":[{"formatFlux":"IN_DP_E1_STRUCT"}],"pageCourante":1,"pages":1,"nbResultatsParPage":3,"total":3""""),
        List("typedp", "Types de demande de paiement", "{}",
            """"listeTypeDemandePaiement":[{"typeDemandePaiement":"FACTURE"}],"pageCourante":1,"pages":1,"nbResultatsParPage":4,"total":4""""),
        List("etats/traitement", "Statuts qu'un destinataire peut donner à une facture", """{"statutCourant":"MISE_A_DISPOSITION"}""",
            """"listeStatutsPossiblesPourTraitement":[{"statutPossiblePourTraitement":"REJETEE"},{"statutPossiblePourTraitement":"SUSPENDUE"}]""""),
    ];

    /// <summary>A reference list; <paramref name="fields"/> are the answer's fields after codeRetour and libelle, without the first quote.</summary>
    private static ApiOperationDoc List(string name, string summary, string request, string fields) =>
        new("Transverses", "POST", "/transverses/v1/recuperer/" + name, summary,
            "Liste de référence, fixe ; codeLangue est accepté sous toutes ses formes et ignoré.",
            request, """{"codeRetour":0,"libelle":"TRA_MSG_00.000",""" + "\"" + fields + "}");
}
