using System.Net;
using System.Text.Json.Nodes;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.DepositApiJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>What soumettre refuses: HTTP 400, a code, and a libelle that names the rule, the field and the fix.</summary>
public abstract class SoumettreRefusalTests(TestDatabase database) : PortalTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "10000" };

    /// <summary>A valid SAISIE_API body (300 HT, 60 VAT), to spoil one field at a time.</summary>
    private static JsonObject Typed(string number) => JsonNode.Parse($$"""
        {"modeDepot": "SAISIE_API", "numeroFactureSaisi": "{{number}}", "dateFacture": "2026-11-20",
         "destinataire": {"codeDestinataire": "{{Recipient}}"},
         "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR"},
         "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE", "modePaiement": "CHEQUE"},
         "lignePoste": [{"lignePosteDenomination": "Étagères", "lignePosteQuantite": 3, "lignePosteMontantUnitaireHT": 100, "lignePosteTauxTvaManuel": 20}],
         "montantTotal": {"montantHtTotal": 300, "montantTVA": 60, "montantTtcTotal": 360, "montantAPayer": 360} }
        """)!.AsObject();

    private static async Task<CproResponse> RefusedAsync(DepositApiJourney journey, JsonNode body, int code, params string[] fragments)
    {
        var answer = await journey.Client.PostAsync(Soumettre, body.ToJsonString());
        Assert.True(answer.Status == HttpStatusCode.BadRequest && answer.CodeRetour == code, answer.Text);
        foreach (var fragment in fragments) Assert.Contains(fragment, answer.Libelle, StringComparison.Ordinal);
        return answer;
    }

    [Fact]
    public async Task Typed_invoices_that_break_a_rule_are_refused_with_the_field_and_the_fix()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var noLines = Typed("F-R-1");
        noLines["lignePoste"] = new JsonArray();
        await RefusedAsync(journey, noLines, CproCodes.InvalidField, "lignePoste", "au moins une ligne");

        var a9 = Typed("F-R-2");
        a9["cadreDeFacturation"] = new JsonObject { ["codeCadreFacturation"] = "A9_FACTURE_SOUSTRAITANT", ["codeStructureValideur"] = null };
        await RefusedAsync(journey, a9, CproCodes.InvalidField, "cadreDeFacturation.codeStructureValideur");
        var a12 = Typed("F-R-3");
        a12["cadreDeFacturation"] = new JsonObject { ["codeCadreFacturation"] = "A12_FACTURE_COTRAITANT", ["codeStructureValideur"] = "84321765400014" };
        await RefusedAsync(journey, a12, CproCodes.InvoiceRefused, "VALIDEUR-FOURNISSEUR", "cadreDeFacturation.codeStructureValideur", "votre propre structure");
        var unknownValidator = Typed("F-R-3");
        unknownValidator["cadreDeFacturation"] = new JsonObject { ["codeCadreFacturation"] = "A9", ["codeStructureValideur"] = "90012345600015" };
        await RefusedAsync(journey, unknownValidator, CproCodes.InvoiceRefused, "VALIDEUR-INCONNU", "90012345600015", "n'est pas inscrite sur Cantate");

        var synthesis = Typed("F-R-4");
        synthesis["montantTotal"]!["montantTtcTotal"] = 370;
        await RefusedAsync(journey, synthesis, CproCodes.InvoiceRefused, "montantTotal.montantTtcTotal", "360");

        var unknown = Typed("F-R-5");
        unknown["destinataire"]!["codeDestinataire"] = "21920023500014";
        await RefusedAsync(journey, unknown, CproCodes.InvoiceRefused, "ROUTAGE-DESTINATAIRE-INCONNU (BT-47, destinataire.codeDestinataire)");

        var tooLong = Typed("F-2026-NUMERO-TROP-LONG");
        await RefusedAsync(journey, tooLong, CproCodes.InvoiceRefused, "BT-1, numeroFactureSaisi");

        var otherSupplier = Typed("F-R-6");
        otherSupplier["fournisseur"] = new JsonObject { ["idFournisseur"] = 999_999 };
        await RefusedAsync(journey, otherSupplier, CproCodes.NotAllowed, "fournisseur.idFournisseur");

        var noMode = Typed("F-R-7");
        noMode.Remove("modeDepot");
        await RefusedAsync(journey, noMode, CproCodes.InvalidField, "modeDepot");

        var badRate = Typed("F-R-8");
        badRate["lignePoste"]![0]!.AsObject().Remove("lignePosteTauxTvaManuel");
        badRate["lignePoste"]![0]!["lignePosteTauxTva"] = "TVA9";
        await RefusedAsync(journey, badRate, CproCodes.InvalidField, "lignePoste[0].lignePosteTauxTva", "lignePosteTauxTvaManuel");
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));

        // Once: accepted, with an unknown field ignored; a second time: the number is taken.
        var good = Typed("F-R-OK");
        good["champInconnu"] = new JsonObject { ["x"] = 1 };
        (await journey.Client.PostAsync(Soumettre, good.ToJsonString())).EnsureOk();
        await RefusedAsync(journey, Typed("F-R-OK"), CproCodes.InvoiceRefused, "DOUBLON (BT-1, numeroFactureSaisi)");
    }

    [Fact]
    public async Task Pdf_submissions_need_a_pdf_of_the_structure_and_consistent_amounts()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var pdf = DepositFilesTests.InvoicePdf("F-RP-1");
        var mine = (await journey.Client.PostAsync(AjouterFichier, $$"""{"pieceJointeFichier":"{{Convert.ToBase64String(pdf)}}","pieceJointeNom":"f.pdf","pieceJointeExtension":"PDF"}""")).EnsureOk()["pieceJointeId"].GetInt32();
        var theirs = (await journey.Other.PostAsync(AjouterFichier, $$"""{"pieceJointeFichier":"{{Convert.ToBase64String(pdf)}}","pieceJointeNom":"f.pdf","pieceJointeExtension":"PDF"}""")).EnsureOk()["pieceJointeId"].GetInt32();
        JsonObject Pdf(int piece, decimal ttc = 360m) => JsonNode.Parse($$"""
            {"modeDepot": "DEPOT_PDF_API", "numeroFactureSaisi": "F-RP-1", "dateFacture": "2026-11-20", "destinataire": {"codeDestinataire": "{{Recipient}}"},
             "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR"}, "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE"},
             "montantTotal": {"montantHtTotal": 300, "montantTVA": 60, "montantTtcTotal": {{ttc.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},
             "pieceJointePrincipale": [{"pieceJointePrincipaleDesignation": "facture", "pieceJointePrincipaleId": {{piece}}}]}
            """)!.AsObject();

        await RefusedAsync(journey, Pdf(theirs), CproCodes.NotFound, "pieceJointePrincipale[0].pieceJointePrincipaleId", "ajouter/fichier");
        await RefusedAsync(journey, Pdf(mine, 370m), CproCodes.InvoiceRefused, "PDF-MONTANTS (BT-112, montantTotal.montantTtcTotal)");
        var noPiece = Pdf(mine);
        noPiece["pieceJointePrincipale"] = new JsonObject();
        await RefusedAsync(journey, noPiece, CproCodes.InvalidField, "pieceJointePrincipale");
        var noDate = Pdf(mine);
        noDate.Remove("dateFacture");
        await RefusedAsync(journey, noDate, CproCodes.InvoiceRefused, "BT-2, dateFacture");

        (await journey.Client.PostAsync(Soumettre, Pdf(mine).ToJsonString())).EnsureOk();
        var again = Pdf(mine);
        again["numeroFactureSaisi"] = "F-RP-2";
        await RefusedAsync(journey, again, CproCodes.InvalidField, "déjà jointe");
    }
}

public sealed class SoumettreRefusalOnSqliteTests() : SoumettreRefusalTests(TestDatabase.Sqlite);

public sealed class SoumettreRefusalOnPostgresTests() : SoumettreRefusalTests(TestDatabase.Postgres);
