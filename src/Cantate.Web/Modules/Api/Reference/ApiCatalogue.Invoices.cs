namespace Cantate.Web.Modules.Api.Reference;

public static partial class ApiCatalogue
{
    private const string InvoiceSummaryFields =
        """{"identifiantFactureCPP":1,"numeroFacture":"F-2026-011","statut":"MISE_A_DISPOSITION","numeroFluxDepot":"FLX20261126JL74LZHR","dateDepot":"2026-11-26","dateFacture":"2026-11-20","dateHeureEtatCourant":"2026-11-26T18:48:52.705Z","montantAPayer":360.0,"montantHT":300.0,"montantTTC":360.0,"devise":"EUR","idFournisseur":2,"codeFournisseur":"84321765400014","typeIdentifiantFournisseur":"SIRET","designationFournisseur":"ATELIER DUPONT MENUISERIE","idDestinataire":1,"codeDestinataire":"13002526500013","designationDestinataire":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","idServiceExecutant":1,"codeServiceExecutant":"DINUM-ACHATS","nomServiceExecutant":"Achats et marchés publics","typeFacture":"FACTURE","typeDemandePaiement":"FACTURE","cadreFacturation":"A9_FACTURE_SOUSTRAITANT","rejetTraite":false,"idValideur1":3,"codeValideur1":"79245318500011","typeIdentifiantValideur1":"SIRET","designationValideur1":"BATIMENTS DU SUD","dateValidation1":"2026-11-26"}""";

    private static IEnumerable<ApiOperationDoc> InvoiceOperations =>
    [
        new("Factures", "POST", "/factures/v1/deposer/flux", "Déposer un flux de factures",
            "fichierFlux : le fichier en base64 : UBL 2.1, CII D16B, Factur-X, ou une archive .zip / .tar.gz de 500 factures au plus. " +
            "Le format est reconnu au contenu, quel que soit syntaxeFlux, qui est renvoyé tel quel. Le flux et son certificat (SHA-256) sont enregistrés avant la réponse ; " +
            "chaque facture est contrôlée (EN 16931, règles Chorus Pro, annuaire, doublon) et le compte rendu, par facture, est lu avec consulterCRDetaille.",
            """{"fichierFlux":"PD94bWwgdmVyc2lvbj0iMS4wIj8+…","nomFichier":"F-2026-011.xml","syntaxeFlux":"IN_DP_E1_UBL_INVOICE","avecSignature":false}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","numeroFluxDepot":"FLX20261126JL74LZHR","dateDepot":"2026-11-26","syntaxeFlux":"IN_DP_E1_UBL_INVOICE"}""",
            ExampleClient: "Odoo (OCA)"),
        new("Factures", "POST", "/factures/v1/soumettre", "Saisir une facture (SAISIE_API) ou déposer un PDF (DEPOT_PDF_API)",
            "SAISIE_API : lignes (lignePoste), TVA (ligneTva) et montants ; la plateforme produit la facture Factur-X et la contrôle comme un dépôt ; sans numeroFactureSaisi, un numéro est attribué. " +
            "DEPOT_PDF_API : numeroFactureSaisi, dateFacture, montants et pieceJointePrincipale (tableau ou objet) qui désigne un fichier ajouté par transverses/v1/ajouter/fichier. " +
            "Cadres A9_FACTURE_SOUSTRAITANT et A12_FACTURE_COTRAITANT : cadreDeFacturation.codeStructureValideur (SIRET du titulaire ou du mandataire, inscrit sur Cantate, actif, autre que le fournisseur) " +
            "est obligatoire, codeServiceValideur facultatif ; la facture est contrôlée comme les autres puis attend son valideur (statutFacture A_VALIDER_1) avant d'aller au destinataire.",
            """{"modeDepot":"SAISIE_API","idUtilisateurCourant":0,"destinataire":{"codeDestinataire":"13002526500013","codeServiceExecutant":"DINUM-ACHATS"},"fournisseur":{"idFournisseur":2},"cadreDeFacturation":{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR","codeStructureValideur":null},"references":{"deviseFacture":"EUR","typeFacture":"FACTURE","typeTva":"TVA_SUR_DEBIT","motifExonerationTva":null,"numeroMarche":"M-2026-07","numeroBonCommande":null,"numeroFactureOrigine":null,"modePaiement":"VIREMENT"},"lignePoste":[{"lignePosteNumero":1,"lignePosteReference":"R1","lignePosteDenomination":"Maintenance annuelle","lignePosteQuantite":10,"lignePosteUnite":"lot","lignePosteMontantUnitaireHT":50.0,"lignePosteMontantRemiseHT":0,"lignePosteTauxTva":"","lignePosteTauxTvaManuel":20}],"ligneTva":[{"ligneTvaMontantBaseHtParTaux":500,"ligneTvaMontantTvaParTaux":100,"ligneTvaTaux":null,"ligneTvaTauxManuel":20}],"montantTotal":{"montantHtTotal":500,"montantTVA":100,"montantTtcTotal":600,"montantRemiseGlobaleTTC":0,"motifRemiseGlobaleTTC":null,"montantAPayer":600},"commentaire":"Facture saisie par API"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","dateDepot":"2026-11-26","empreinteCertificatDepot":"8c110779865357796a0e7e616cf3041362ff14d393c834bffaea85289c33fbde","identifiantFactureCPP":5,"identifiantStructure":"84321765400014","numeroFacture":"API261126-T7YTHK","statutFacture":"DEPOSEE","numeroFluxDepot":"FLX20261126HN79WRJ5"}""",
            ExampleClient: "facturation_electronique"),
        new("Factures", "POST", "/factures/v1/rechercher/fournisseur", "Rechercher ses factures émises",
            "Filtres : numeroFluxDepot, numeroFacture, statutCourant, périodes, montants, typeFacture, idStructureValideur (les factures A9/A12 adressées à ce valideur)... " +
            "0, \"\", false et null valent « pas de filtre ». Pagination : rechercheFactureParFournisseur {pageResultatDemandee, nbResultatsParPage}. " +
            "Une facture A9/A12 porte son valideur (idValideur1, codeValideur1, designationValideur1, codeServiceValideur1) et, une fois validée, dateValidation1.",
            """{"numeroFluxDepot":"FLX20261126JL74LZHR","idStructureValideur":3}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeFactures":[""" + InvoiceSummaryFields + """],"parametresRetour":{"pageCourante":1,"pages":1,"nbResultatsParPage":10,"total":1}}""",
            ExampleClient: "Odoo (OCA)"),
        new("Factures", "POST", "/factures/v1/consulter/fournisseur", "Consulter une facture émise",
            "La facture complète : cadre, destinataire, fournisseur, références, montants, lignes, récapitulatif de TVA, pièces jointes.",
            """{"identifiantFactureCPP":1}""",
            ConsultedInvoice, ExampleClient: "facturation_electronique"),
        new("Factures", "POST", "/factures/v1/consulter/historique", "Historique des statuts d'une facture",
            "idFacture est l'identifiantFactureCPP (le même des deux côtés). Le motif d'un rejet ou d'une suspension est dans histoStatutCommentaire.",
            """{"idFacture":1}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","idFacture":1,"numeroFacture":"F-2026-011","modeDepot":"UPLOAD_API","statutCourantCode":"MISE_A_DISPOSITION","derniereAction":{"derniereActionCode":"MISE_A_DISPOSITION","derniereActionId":3},"historiquesDesStatuts":{"histoStatut":[{"histoStatutId":3,"histoStatutCode":"MISE_A_DISPOSITION","histoStatutDatePassage":"2026-11-26 19:48","histoStatutUtilisateurNom":"Cantate"}],"pageCouranteHistoStatut":1,"pagesHistoStatut":1,"nbResultatsParPageHistoStatut":3,"totalHistoStatut":3},"historiquesDesActionsUtilisateurs":{"histoAction":[],"pageCouranteHistoAction":1,"pagesHistoAction":0,"nbResultatsParPageHistoAction":1,"totalHistoAction":0},"historiquesDesEvenementsComplementaires":{"evenement":[],"pageCouranteEvenement":1,"pagesEvenement":0,"nbResultatsParPageEvenement":1,"totalEvenement":0}}""",
            ExampleClient: "Odoo (OCA)"),
        new("Factures", "POST", "/factures/v1/rechercher/recipiendaire", "Rechercher ses factures reçues",
            "Les factures mises à disposition de la structure du compte. Pagination paramRecherche {pageResultatDemandee, nbResultatsParPage}, rendue au premier niveau (pageCourante, pages). " +
            "Une recherche sans résultat (FACTURE_TRAVAUX par exemple) est un succès. Une facture A9/A12 porte son valideur (idValideur1, codeValideur1, designationValideur1, " +
            "codeServiceValideur1) et la date de sa validation (dateValidation1).",
            """{"typeDemandePaiement":"FACTURE","paramRecherche":{"nbResultatsParPage":1000,"pageResultatDemandee":1,"nbResultatsMaximum":999999}}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeFactures":[{"idFacture":1,"numeroFacture":"F-2026-011","statut":"MISE_A_DISPOSITION","dateDepot":"2026-11-26","dateFacture":"2026-11-20","dateHeureEtatCourant":"2026-11-26T18:49:02.693Z","montantAPayer":360.0,"montantHT":300.0,"montantTTC":360.0,"devise":"EUR","idFournisseur":2,"codeFournisseur":"84321765400014","typeIdentifiantFournisseur":"SIRET","designationFournisseur":"ATELIER DUPONT MENUISERIE","idDestinataire":1,"codeDestinataire":"13002526500013","idServiceExecutant":1,"codeServiceExecutant":"DINUM-ACHATS","typeFacture":"FACTURE","cadreFacturation":"A9_FACTURE_SOUSTRAITANT","factureTelechargeeParDestinataire":false,"idValideur1":3,"codeValideur1":"79245318500011","typeIdentifiantValideur1":"SIRET","designationValideur1":"BATIMENTS DU SUD","dateValidation1":"2026-11-26"}],"pageCourante":1,"pages":1,"nbResultatsParPage":1000,"total":1}""",
            Caller: "destinataire", ExampleClient: "Pastell"),
        new("Factures", "POST", "/factures/v1/consulter/recipiendaire", "Consulter une facture reçue",
            "Même réponse que consulter/fournisseur, pour le destinataire.",
            """{"identifiantFactureCPP":1}""",
            ConsultedInvoice, Caller: "destinataire", ExampleClient: "go-choruspro"),
        new("Factures", "POST", "/factures/v1/traiter/recue", "Traiter une facture reçue",
            "nouveauStatut parmi les statuts que la facture admet (transverses/v1/recuperer/etats/traitement) ; motif obligatoire (255 caractères au plus) pour REJETEE, SUSPENDUE et A_RECYCLER.",
            """{"idFacture":1,"nouveauStatut":"REJETEE","motif":"Le prix unitaire ne correspond pas au bon de commande.","numeroDPMandat":""}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","idFacture":1,"numeroFacture":"F-2026-012","dateTraitement":"2026-11-26","nouveauStatut":"REJETEE"}""",
            Caller: "destinataire", ExampleClient: "Pastell"),
        new("Factures", "POST", "/factures/v1/recycler", "Recycler une facture à recycler",
            "Nouveau destinataire, service ou engagement juridique ; la facture garde son numéro, est contrôlée contre l'annuaire et repart.",
            """{"identifiantFactureCPP":1,"destinataire":{"codeDestinataire":"13002526500013","codeServiceExecutant":"DINUM-RH"},"commentaire":"Service corrigé"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","identifiantFactureCPP":3,"numeroFacture":"F-2026-013","statutFacture":"DEPOSEE","dateTraitement":"2026-11-26"}"""),
        new("Factures", "POST", "/factures/v1/completer", "Compléter une facture suspendue",
            "Un commentaire et des pièces jointes ajoutées par transverses/v1/ajouter/fichier ; la facture passe à COMPLETEE.",
            """{"identifiantFactureCPP":1,"commentaire":"Procès-verbal de réception joint.","pieceJointeComplementaire":[{"pieceJointeComplementaireDesignation":"PV de réception","pieceJointeComplementaireId":1}]}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","identifiantFactureCPP":4,"numeroFacture":"F-2026-014","statutFacture":"COMPLETEE","dateTraitement":"2026-11-26"}"""),
        new("Factures", "POST", "/factures/v1/telecharger/groupe", "Télécharger des factures",
            "format PDF (la facture lisible) ou XML / PIVOT (le fichier déposé) ; plusieurs factures ou des pièces jointes donnent une archive ZIP. HTTP 413 au-delà de 120 Mo.",
            """{"format":"PDF","listeFacture":[{"idFacture":1}],"avecPiecesJointesComplementaires":"NON"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","fichierResultat":"JVBERi0xLjcKJdP0zOEK…"}""",
            Caller: "destinataire", ExampleClient: "Pastell"),
        new("Factures", "POST", "/factures/v1/rechercher/valideur", "Rechercher les factures à valider",
            "Les factures A9/A12 dont la structure du compte est le valideur désigné (titulaire ou mandataire), quel que soit leur statut depuis ; mêmes filtres que rechercher/fournisseur " +
            "(statutCourant A_VALIDER_1 pour celles qui attendent une décision), plus listeFournisseurs [{idFournisseur}]. Pagination paramRecherche {pageResultatDemandee, nbResultatsParPage}.",
            """{"statutCourant":"A_VALIDER_1","paramRecherche":{"nbResultatsParPage":10,"pageResultatDemandee":1}}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeFactures":[""" + ValidatorSummaryFields + """],"parametresRetour":{"pageCourante":1,"pages":1,"nbResultatsParPage":10,"total":1}}""",
            Caller: "valideur"),
        new("Factures", "POST", "/factures/v1/consulter/valideur", "Consulter une facture à valider",
            "Même réponse que consulter/fournisseur, pour le valideur désigné ; cadreDeFacturation donne le valideur (codeStructureValideur, idValideur1, designationValideur1), dateValidation1 une fois validée " +
            "et, après un refus avec un motif codé, motifRefusValideur {idMotif, codeMotif, libelleMotif} (le motif en clair est dans commentaire).",
            """{"identifiantFactureCPP":1}""",
            ConsultedInvoice.Replace("""{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"}""",
                """{"codeCadreFacturation":"A9_FACTURE_SOUSTRAITANT","codeStructureValideur":"79245318500011","idValideur1":3,"designationValideur1":"BATIMENTS DU SUD","dateValidation1":"2026-11-26"}""",
                StringComparison.Ordinal),
            Caller: "valideur"),
        new("Factures", "POST", "/factures/v1/traiter/factureAValider", "Valider ou refuser une facture à valider",
            "action : VALIDATION (VALIDEE_1, puis acheminement vers le destinataire), REFUS (REFUSEE_1 ; le fournisseur reçoit le motif par courriel) avec un motif codé " +
            "(motifRefus ou codeMotif : un code de recuperer/motifs/refus/Facture/AValider, ou idMotif) et/ou un motif en clair (motifRefus, complementInfo ; 255 caractères au plus) ; " +
            "sans l'un ni l'autre le refus n'est pas enregistré, AUTRE demande le motif en clair ; " +
            "ou MISE_EN_RECYCLAGE : la structure n'est pas le valideur de cette facture (ERREUR_FOURNISSEUR_SUR_VALIDEUR ; le fournisseur en désigne un autre avec corriger/valideur/facture). " +
            "Les autres actions de Chorus Pro (SUSPENSION, REJET, MISE_EN_PAIEMENT) sont celles du destinataire : refusées ici. Sans décision dans les 15 jours, la facture est validée tacitement (ABSENCE_VALIDATION_1_HORS_DELAI).",
            """{"idFacture":1,"action":"REFUS","motifRefus":"PRESTATIONS_NON_REALISEES","complementInfo":"Le lot 2 n'est pas réceptionné."}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","idFacture":1,"numeroFacture":"ST-2026-001","dateTraitement":"2026-11-26","statutFacture":"REFUSEE_1"}""",
            ExampleClient: "go-choruspro",
            Caller: "valideur"),
        new("Factures", "POST", "/factures/v1/corriger/valideur/facture", "Désigner un autre valideur",
            "Après ERREUR_FOURNISSEUR_SUR_VALIDEUR, le fournisseur désigne le bon valideur : identifiantStructure (SIRET, typeIdentifiantStructure SIRET) ou idStructure (idStructureCPP), " +
            "codeServiceValideur facultatif ; contrôlé comme au dépôt, la facture repasse à A_VALIDER_1 et un nouveau délai de 15 jours court.",
            """{"idFacture":1,"identifiantStructure":"79245318500011","typeIdentifiantStructure":"SIRET"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","idFacture":1,"numeroFacture":"ST-2026-002","statutFacture":"A_VALIDER_1","dateTraitement":"2026-11-26"}"""),
        new("Factures", "POST", "/factures/v1/recuperer/statutsFactureVisibles/valideur", "Statuts visibles d'un valideur",
            "Les statuts du circuit de validation qu'un valideur voit sur ses factures à valider.",
            "{}",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeStatutsFacture":[{"code":"A_VALIDER_1","libelle":"À valider"}]}""",
            Caller: "valideur"),
    ];

    private const string ValidatorSummaryFields =
        """{"idFacture":1,"numeroFacture":"ST-2026-001","statut":"A_VALIDER_1","dateDepot":"2026-11-26","dateFacture":"2026-11-20","dateHeureEtatCourant":"2026-11-26T18:48:52.705Z","montantAPayer":600.0,"montantHT":500.0,"montantTTC":600.0,"devise":"EUR","idFournisseur":2,"codeFournisseur":"84321765400014","typeIdentifiantFournisseur":"SIRET","designationFournisseur":"ATELIER DUPONT MENUISERIE","codeDestinataire":"13002526500013","typeFacture":"FACTURE","typeDemandePaiement":"FACTURE","cadreFacturation":"A9_FACTURE_SOUSTRAITANT","idValideur1":3,"codeValideur1":"79245318500011","typeIdentifiantValideur1":"SIRET","designationValideur1":"BATIMENTS DU SUD"}""";

    private const string ConsultedInvoice =
        """{"codeRetour":0,"libelle":"TRA_MSG_00.000","facture":{"identifiantFactureCPP":1,"numeroFacture":"F-2026-011","statutFacture":"MISE_A_DISPOSITION","modeDepot":"UPLOAD_API","cadreDeFacturation":{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},"destinataire":{"codeDestinataire":"13002526500013","libelleDestinataire":"DIRECTION INTERMINISTERIELLE DU NUMERIQUE","idDestinataire":1,"codeServiceExecutant":"DINUM-ACHATS","libelleServiceExecutant":"Achats et marchés publics","idServiceExecutant":1},"fournisseur":{"idFournisseur":2,"codeFournisseur":"84321765400014","typeIdentifiantFournisseur":"SIRET","designationFournisseur":"ATELIER DUPONT MENUISERIE"},"references":{"dateCreationFacture":"2026-11-26 19:48","dateDepot":"2026-11-26","dateFacture":"2026-11-20","dateEcheancePaiement":"2026-12-20","deviseFacture":"EUR","typeFacture":"FACTURE","modePaiement":"VIREMENT","tailleTotalePiecesJointes":0},"montantTotal":{"montantHtTotal":300.0,"montantTVA":60.0,"montantTtcTotal":360.0,"montantAPayer":360.0},"lignesDePoste":{"lignePoste":[{"lignePosteNumero":1,"lignePosteReference":"1","lignePosteDenomination":"Fourniture et pose d'étagères","lignePosteQuantite":3,"lignePosteUnite":"C62","lignePosteMontantUnitaireHT":100,"lignePosteTauxTva":"20","lignePosteTauxTvaManuel":20}],"pageCouranteLignesPoste":1,"pagesLignesPoste":1,"nbResultatsParPageLignesPoste":1,"totalLignesPoste":1},"recapitulatifDeTva":{"ligneTva":[{"ligneTvaMontantBaseHtParTaux":300,"ligneTvaMontantTvaParTaux":60,"ligneTvaTauxManuel":20,"ligneTvaTauxRefCode":"S"}],"pageCouranteLignesRecapitulativesTVA":1,"pagesLignesRecapitulativesTVA":1,"nbResultatsParPageLignesRecapitulativesTVA":1,"totalLignesRecapitulativesTVA":1},"listeDesPiecesJointes":{"pieceJointe":[],"totalListePiecesJointe":0},"pieceJointePrincipale":{}}}""";

    private static IEnumerable<ApiOperationDoc> FlowOperations =>
    [
        new("Transverses", "GET", "/transverses/v1/health-check", "Vérifier que l'API répond",
            "Répond comme Chorus Pro {body, statusCode, statusCodeValue}. Le corps de la requête est ignoré (null ou [] acceptés).",
            "{}", """{"codeRetour":0,"libelle":"TRA_MSG_00.000","body":"OK","statusCode":"OK","statusCodeValue":200}"""),
        new("Transverses", "POST", "/transverses/v1/consulterCRDetaille", "Compte rendu détaillé d'un flux",
            "etatCourantDepotFlux : IN_RECU, IN_EN_COURS_TRAITEMENT, puis IN_INTEGRE, IN_INTEGRE_PARTIEL ou IN_REJETE. Par facture refusée, listeErreurDP donne la règle, le champ et la correction, avec le texte du portail. " +
            "syntaxeFlux est accepté et ignoré.",
            """{"numeroFluxDepot":"FLX20261126JL74LZHR"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","numeroFluxDepot":"FLX20261126JL74LZHR","codeInterfaceDepotFlux":"FSO1100A","dateDepotFlux":"2026-11-26T18:48:51.151Z","dateHeureEtatCourantFlux":"2026-11-26T18:48:51.213Z","etatCourantDepotFlux":"IN_INTEGRE","nomFichier":"F-2026-011.xml","listeErreurDP":[],"listeErreurTechnique":[]}""",
            ExampleClient: "Odoo (OCA)"),
        new("Transverses", "POST", "/transverses/v1/consulterCR", "Compte rendu d'un flux (PDF)",
            "fichierCR : le compte rendu de traitement en PDF (base64), facture par facture.",
            """{"numeroFluxDepot":"FLX20261126JL74LZHR","syntaxeFlux":"IN_DP_E1_UBL_INVOICE"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","codeAppliPartenaire":"cantate-jaifif4xmvv2x6j7vbgu","codeInterfaceFlux":"FSO1100A","designationPartenaire":"ATELIER DUPONT MENUISERIE","etatCourantFlux":"IN_INTEGRE","nomFichierFlux":"F-2026-011.xml","numeroFluxDepot":"FLX20261126JL74LZHR","dateDepotFlux":"2026-11-26T18:48:51.151Z","dateHeureEtatCourantFlux":"2026-11-26T18:48:51.213Z","fichierCR":"JVBERi0…"}""",
            ExampleClient: "go-choruspro"),
        new("Transverses", "POST", "/transverses/v1/ajouter/fichier", "Ajouter un fichier",
            "Pour soumettre (pièce principale d'un DEPOT_PDF_API) ou completer. 10 Mo au plus (code 20003), nom de 50 caractères au plus, extensions de Chorus Pro, fichier vide refusé.",
            """{"pieceJointeFichier":"JVBERi0xLjQK…","pieceJointeNom":"facture.pdf","pieceJointeTypeMime":"application/pdf","pieceJointeExtension":"PDF"}""",
            """{"codeRetour":0,"libelle":"TRA_MSG_00.000","pieceJointeId":2}""",
            ExampleClient: "facturation_electronique"),
    ];
}
