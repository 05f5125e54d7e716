namespace Cantate.Web.Modules.Annuaire.Features.SeedDemoAnnuaire;

/// <summary>
/// The demo annuaire, in the import format: public structures of the demo SIRENE extract with routing rules of
/// every kind. Names and addresses are replaced by SIRENE's at seeding time, so both always agree.
/// </summary>
internal static class DemoAnnuaire
{
    public const string Csv = """
        siret,raison_sociale,adresse,code_postal,ville,code_service_obligatoire,engagement_juridique_obligatoire,service_ou_engagement,statut_mise_en_paiement_non_remonte,actif,code_service,libelle_service,engagement_juridique_obligatoire_service,service_actif
        13002526500013,DIRECTION INTERMINISTERIELLE DU NUMERIQUE,20 AVENUE DE SEGUR,75007,PARIS 7,true,false,false,false,true,DINUM-ACHATS,Achats et marchés publics,false,true
        13002526500013,DIRECTION INTERMINISTERIELLE DU NUMERIQUE,20 AVENUE DE SEGUR,75007,PARIS 7,true,false,false,false,true,DINUM-RH,Ressources humaines,false,true
        21920023500014,COMMUNE DE CLAMART,1 PLACE MAURICE GUNSBOURG,92140,CLAMART,false,true,false,false,true,,,,
        20000001600010,REGION BRETAGNE,283 AVENUE DU GENERAL PATTON,35000,RENNES,false,false,true,false,true,BZH-TRANSPORTS,Direction des transports,false,true
        26260001800010,CENTRE HOSPITALIER DE VALENCE,179 BOULEVARD DU MARECHAL JUIN,26000,VALENCE,false,false,false,true,true,CHV-TRAVAUX,Services techniques et travaux,true,true
        26260001800010,CENTRE HOSPITALIER DE VALENCE,179 BOULEVARD DU MARECHAL JUIN,26000,VALENCE,false,false,false,true,true,CHV-PHARMACIE,Pharmacie,false,true
        24440001600014,NANTES METROPOLE,2 COURS DU CHAMP DE MARS,44000,NANTES,false,false,false,false,true,,,,
        22330001300016,DEPARTEMENT DE LA GIRONDE,1 ESPLANADE CHARLES DE GAULLE,33000,BORDEAUX,true,false,false,false,true,GIRONDE-COLLEGES,Collèges,false,true
        21690001900011,COMMUNE DE VILLEURBANNE,PLACE LAZARE GOUJON,69100,VILLEURBANNE,false,false,true,false,true,,,,
        13002437500011,SECRETARIAT D'ETAT CHARGE DE L'EDUCATION PRIORITAIRE,110 RUE DE GRENELLE,75007,PARIS 7,false,false,false,false,false,,,,

        """;
}
