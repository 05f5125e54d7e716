using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Structures;
using Cantate.Web.Modules.Invoices;
using static Cantate.Web.Modules.Api.Operations.Referentiel.ReferenceLists;

namespace Cantate.Web.Modules.Api.Operations.Referentiel;

/// <summary>
/// The reference lists under <c>/cpro/transverses/v1/recuperer/</c>: static, each whole in one answer, with its
/// counters beside it (pageCourante, pages, nbResultatsParPage, total), which php requires for modedepot,
/// formatflux and motifs/exonerationtva and the others do not mind. codeLangue is accepted as every client sends it
/// (§D2); the labels are French. A filter with an unknown value is refused, naming the values it accepts.
/// </summary>
public static class ReferenceListOperations
{
    public static void Map(RouteGroupBuilder transverses)
    {
        ArgumentNullException.ThrowIfNull(transverses);
        MapList(transverses, "devises", "listeDevises", _ => IsoCodes.Currencies.Select(c => new { codeDevise = c.Code, libelleDevise = c.Name }));
        MapList(transverses, "pays", "listePays", _ => IsoCodes.Countries.Select(c => new { codePays = c.Code, libellePays = c.Name }));
        MapList(transverses, "tauxtva", "listeTauxTva",
            _ => VatRates.Select(r => new { codeTauxTva = r.Code, libelleTauxTva = r.Label, valeurTauxTva = r.Value }));
        MapList(transverses, "cadrefacturation", "listeCadreFacturation", request => CadresFor(request).Select(c => new { codeCadreFacturation = c }));
        MapList(transverses, "typedp", "listeTypeDemandePaiement", _ => CadresByPaymentRequestType.Select(t => new { typeDemandePaiement = t.Type }));
        MapList(transverses, "modedepot", "listeModeDepot", _ => DepositModes.Select(m => new { modeDepot = m }));
        MapList(transverses, "modereglements", "listeModePaiement", _ => PaymentMeans.Select(m => new { modePaiement = m }));
        MapList(transverses, "formatflux", "listeFormatFlux", _ => FlowFormats.Select(f => new { formatFlux = f }));
        MapList(transverses, "typeidentifiant/structure", "listeTypeIdentifiant",
            _ => SearchStructures.IdentifierTypes.Select(t => new { typeIdentifiantStructure = t }));
        MapList(transverses, "motifs/exonerationtva", "listeMotifsExonerationTva",
            _ => Exemptions.Select(e => new { codeMotifExonerationTva = e.Code, libelleMotifExonerationTva = e.Label }));
        // Cantate's own coded reasons (Chorus Pro does not publish its values), the same for both cadres that have a valideur.
        MapList(transverses, "motifs/refus/Facture/AValider", "listeMotifRefusFactureAValider", request =>
        {
            CproChoices.One(request, "codeCadreFacturationAValider", CadresWithValidator);
            return ValidatorRefusalReasons.All.Select(r => new { idMotif = r.Id, codeMotif = r.Code, libelleMotif = r.Label });
        });
        MapList(transverses, "typespj", "listeTypePieceJointe", request =>
        {
            var objectType = CproChoices.One(request, "typeObjet", ObjectTypes);
            return AttachmentTypes.Where(t => objectType is null || t.ObjectType == objectType).Select(t => new
            {
                idTypePieceJointe = t.Id,
                codeTypePieceJointe = t.Code,
                libelleTypePieceJointe = t.Label,
                typeObjet = t.ObjectType,
            });
        });
        transverses.MapPost("/recuperer/etats/traitement", (HttpContext http) => TreatmentStatuses.Handle(CproCaller.RequestOf(http)));
    }

    private static readonly string[] CadresWithValidator = ["A9_FACTURE_SOUSTRAITANT", "A12_FACTURE_COTRAITANT"];

    /// <summary>typeDemandePaiement absent: every cadre (A1 to A25); otherwise the cadres of that kind of payment request.</summary>
    private static IEnumerable<string> CadresFor(CproRequest request)
    {
        var type = CproChoices.One(request, "typeDemandePaiement", [.. CadresByPaymentRequestType.Select(t => t.Type)]);
        return type is null ? Cadres : CadresByPaymentRequestType.First(t => t.Type == type).Cadres;
    }

    private static void MapList<T>(RouteGroupBuilder transverses, string path, string listName, Func<CproRequest, IEnumerable<T>> items)
        where T : class =>
        transverses.MapPost("/recuperer/" + path, (HttpContext http) =>
        {
            var request = CproCaller.RequestOf(http);
            CproChoices.Language(request);
            return CproResults.Ok(CproPage.Flat(listName, [.. items(request)]));
        });
}
