namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>Where an EN 16931 term is in a soumettre request, so that a refusal names the field the client sent.</summary>
public static class ApiFields
{
    public static string? Of(string? businessTerm) => businessTerm switch
    {
        "BT-1" => "numeroFactureSaisi",
        "BT-2" => "dateFacture",
        "BT-3" => "references.typeFacture",
        "BT-5" => "references.deviseFacture",
        "BT-9" => "dateEcheancePaiement",
        "BT-10" => "destinataire.codeServiceExecutant",
        "BT-12" => "references.numeroMarche",
        "BT-13" => "references.numeroBonCommande",
        "BT-22" => "commentaire",
        "BT-23" => "cadreDeFacturation.codeCadreFacturation",
        "BT-25" => "references.numeroFactureOrigine",
        "BT-46" or "BT-47" => "destinataire.codeDestinataire",
        "BT-81" or "BT-82" => "references.modePaiement",
        "BT-109" => "montantTotal.montantHtTotal",
        "BT-110" => "montantTotal.montantTVA",
        "BT-112" => "montantTotal.montantTtcTotal",
        "BT-115" => "montantTotal.montantAPayer",
        "BT-116" => "ligneTva.ligneTvaMontantBaseHtParTaux",
        "BT-117" => "ligneTva.ligneTvaMontantTvaParTaux",
        "BT-119" => "ligneTva.ligneTvaTauxManuel",
        "BT-120" or "BT-121" => "references.motifExonerationTva",
        "BT-126" => "lignePoste.lignePosteNumero",
        "BT-129" => "lignePoste.lignePosteQuantite",
        "BT-130" => "lignePoste.lignePosteUnite",
        "BT-131" => "lignePoste",
        "BT-136" or "BT-137" or "BT-138" or "BT-139" or "BT-140" => "lignePoste.lignePosteMontantRemiseHT",
        "BT-146" => "lignePoste.lignePosteMontantUnitaireHT",
        "BT-151" or "BT-152" => "lignePoste.lignePosteTauxTvaManuel",
        "BT-153" => "lignePoste.lignePosteDenomination",
        "BT-155" => "lignePoste.lignePosteReference",
        "BG-25" => "lignePoste",
        _ => null,
    };
}
