using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>
/// The A9 circuit through the API: soumettre names the valideur; only the valideur's technical account finds, consults
/// and decides on the invoice (any other structure gets "n'existe pas" by id); the supplier designates another valideur.
/// </summary>
public abstract class ValidationCircuitApiTests(TestDatabase database) : PortalTest(database)
{
    private const string Supplier = "84321765400014";
    private const string Recipient = "13002526500013";
    private const string Titulaire = "79245318500011";
    private const string Other = "90012345600015";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "10000" };

    private static object Typed(string number, string validator) => new
    {
        modeDepot = "SAISIE_API",
        numeroFactureSaisi = number,
        dateFacture = "2026-11-20",
        destinataire = new { codeDestinataire = Recipient },
        cadreDeFacturation = new { codeCadreFacturation = "A9_FACTURE_SOUSTRAITANT", codeStructureValideur = validator, codeServiceValideur = (string?)null },
        references = new { deviseFacture = "EUR", typeFacture = "FACTURE", modePaiement = "VIREMENT" },
        lignePoste = new[] { new { lignePosteDenomination = "Lot 2", lignePosteQuantite = 3, lignePosteMontantUnitaireHT = 100, lignePosteTauxTvaManuel = 20 } },
        montantTotal = new { montantHtTotal = 300, montantTVA = 60, montantTtcTotal = 360, montantAPayer = 360 },
    };

    /// <summary>The technical accounts of the supplier, the recipient (which registers it in the directory), the titulaire and another structure.</summary>
    private sealed record Accounts(CproClient Supplier, CproClient Recipient, CproClient Titulaire, CproClient Other) : IDisposable
    {
        public void Dispose()
        {
            Supplier.Dispose();
            Recipient.Dispose();
            Titulaire.Dispose();
            Other.Dispose();
        }
    }

    private async Task<Accounts> ConnectAsync() => new(await CproClient.ConnectAsync(Factory, Supplier), await CproClient.ConnectAsync(Factory, Recipient),
        await CproClient.ConnectAsync(Factory, Titulaire), await CproClient.ConnectAsync(Factory, Other));

    [Fact]
    public async Task Only_the_valideur_finds_consults_and_decides_and_the_supplier_reads_the_circuit()
    {
        using var accounts = await ConnectAsync();
        var (supplier, recipient, titulaire, other) = accounts;

        var submitted = (await supplier.PostAsync("/cpro/factures/v1/soumettre", Typed("ST-API-1", Titulaire))).EnsureOk();
        Assert.Equal("A_VALIDER_1", submitted["statutFacture"].GetString());
        var id = submitted["identifiantFactureCPP"].GetInt32();

        // Everyone else: the invoice does not exist, by id, for consultation or decision; their searches are empty.
        foreach (var outsider in new[] { other, recipient, supplier })
        {
            var decided = await outsider.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "VALIDATION" });
            Assert.Equal(CproCodes.InvoiceNotFound, decided.CodeRetour);
        }
        foreach (var outsider in new[] { other, recipient })
        {
            Assert.Equal(CproCodes.InvoiceNotFound, (await outsider.PostAsync("/cpro/factures/v1/consulter/valideur", new { identifiantFactureCPP = id })).CodeRetour);
            Assert.Equal(0, (await outsider.PostAsync("/cpro/factures/v1/rechercher/valideur", new { })).EnsureOk()["listeFactures"].GetArrayLength());
            Assert.Equal(CproCodes.InvoiceNotFound, (await outsider.PostAsync("/cpro/factures/v1/consulter/recipiendaire", new { identifiantFactureCPP = id })).CodeRetour);
        }

        var found = (await titulaire.PostAsync("/cpro/factures/v1/rechercher/valideur", new { statutCourant = "A_VALIDER_1" })).EnsureOk();
        Assert.Equal(id, Assert.Single(found["listeFactures"].EnumerateArray().ToList()).GetProperty("idFacture").GetInt32());
        var consulted = (await titulaire.PostAsync("/cpro/factures/v1/consulter/valideur", new { identifiantFactureCPP = id })).EnsureOk();
        Assert.Equal(Titulaire, consulted["facture"].GetProperty("cadreDeFacturation").GetProperty("codeStructureValideur").GetString());

        var noReason = await titulaire.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "REFUS", motifRefus = (string?)null });
        Assert.Equal(CproCodes.InvalidField, noReason.CodeRetour);
        Assert.Contains("motifRefus", noReason.Libelle, StringComparison.Ordinal);
        var notAllowed = await titulaire.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "MISE_EN_PAIEMENT" });
        Assert.Equal(CproCodes.InvalidField, notAllowed.CodeRetour);

        var validated = (await titulaire.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "VALIDATION" })).EnsureOk();
        Assert.Equal("VALIDEE_1", validated["statutFacture"].GetString());
        var twice = await titulaire.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "REFUS", motifRefus = "Trop tard" });
        Assert.Equal(CproCodes.WrongStatus, twice.CodeRetour);

        await WaitForAsync("ST-API-1", InvoiceStatus.MiseADisposition);
        var row = Assert.Single((await supplier.PostAsync("/cpro/factures/v1/rechercher/fournisseur", new { numeroFacture = "ST-API-1" })).EnsureOk()["listeFactures"].EnumerateArray().ToList());
        Assert.Equal((Titulaire, "SIRET"), (row.GetProperty("codeValideur1").GetString(), row.GetProperty("typeIdentifiantValideur1").GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row.GetProperty("dateValidation1").GetString());
        var seenByRecipient = (await recipient.PostAsync("/cpro/factures/v1/consulter/recipiendaire", new { identifiantFactureCPP = id })).EnsureOk();
        Assert.Equal(Titulaire, seenByRecipient["facture"].GetProperty("cadreDeFacturation").GetProperty("codeStructureValideur").GetString());

        // The recipient's search carries the valideur; the supplier's filters on it (idStructureValideur, 0 meaning no filter).
        var received = Assert.Single((await recipient.PostAsync("/cpro/factures/v1/rechercher/recipiendaire", new { })).EnsureOk()["listeFactures"].EnumerateArray().ToList());
        Assert.Equal((id, Titulaire, "SIRET"), (received.GetProperty("idFacture").GetInt32(), received.GetProperty("codeValideur1").GetString(), received.GetProperty("typeIdentifiantValideur1").GetString()));
        Assert.Equal(row.GetProperty("dateValidation1").GetString(), received.GetProperty("dateValidation1").GetString());
        var (titulaireId, otherId) = await Factory.QueryAsync(async db => (
            await db.Structures.Where(s => s.Siret == Titulaire).Select(s => s.CppId).SingleAsync(),
            await db.Structures.Where(s => s.Siret == Other).Select(s => s.CppId).SingleAsync()));
        Assert.Equal(titulaireId, received.GetProperty("idValideur1").GetInt32());
        (await supplier.PostAsync("/cpro/factures/v1/deposer/flux", new
        {
            fichierFlux = Convert.ToBase64String(SampleInvoices.Ubl("F-API-A1", Supplier, Recipient, null)),
            nomFichier = "F-API-A1.xml",
            syntaxeFlux = "IN_DP_E1_UBL_INVOICE",
        })).EnsureOk();
        await WaitForAsync("F-API-A1", InvoiceStatus.MiseADisposition);
        async Task<List<string?>> IssuedAsync(int validator) => [.. (await supplier.PostAsync("/cpro/factures/v1/rechercher/fournisseur", new { idStructureValideur = validator }))
            .EnsureOk()["listeFactures"].EnumerateArray().Select(r => r.GetProperty("numeroFacture").GetString())];
        Assert.Equal(["ST-API-1"], await IssuedAsync(titulaireId));
        Assert.Empty(await IssuedAsync(otherId));
        Assert.Equal(["F-API-A1", "ST-API-1"], (await IssuedAsync(0)).Order());
    }

    [Fact]
    public async Task A_valideur_that_is_not_the_right_one_sends_it_back_and_the_supplier_corrects_it()
    {
        using var accounts = await ConnectAsync();
        var (supplier, _, titulaire, other) = accounts;
        var id = (await supplier.PostAsync("/cpro/factures/v1/soumettre", Typed("ST-API-2", Other))).EnsureOk()["identifiantFactureCPP"].GetInt32();

        var early = await supplier.PostAsync("/cpro/factures/v1/corriger/valideur/facture", new { idFacture = id, identifiantStructure = Titulaire });
        Assert.Equal(CproCodes.WrongStatus, early.CodeRetour);
        (await other.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "MISE_EN_RECYCLAGE" })).EnsureOk();
        Assert.Equal(CproCodes.InvoiceNotFound,
            (await titulaire.PostAsync("/cpro/factures/v1/corriger/valideur/facture", new { idFacture = id, identifiantStructure = Titulaire })).CodeRetour);
        var self = await supplier.PostAsync("/cpro/factures/v1/corriger/valideur/facture", new { idFacture = id, identifiantStructure = Supplier });
        Assert.Equal(CproCodes.InvalidField, self.CodeRetour);
        Assert.Contains("votre propre structure", self.Libelle, StringComparison.Ordinal);

        var corrected = (await supplier.PostAsync("/cpro/factures/v1/corriger/valideur/facture",
            new { idFacture = id, identifiantStructure = Titulaire, typeIdentifiantStructure = "SIRET" })).EnsureOk();
        Assert.Equal("A_VALIDER_1", corrected["statutFacture"].GetString());
        Assert.Equal(CproCodes.InvoiceNotFound, (await other.PostAsync("/cpro/factures/v1/consulter/valideur", new { identifiantFactureCPP = id })).CodeRetour);
        (await titulaire.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "REFUS", motifRefus = "Travaux non réceptionnés" })).EnsureOk();
        var history = await Factory.QueryAsync(db => db.Invoices.Where(i => i.CppId == id).SelectMany(i => i.History).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["DEPOSEE", "A_VALIDER_1", "ERREUR_FOURNISSEUR_SUR_VALIDEUR", "A_VALIDER_1", "REFUSEE_1"], history);
    }

    [Fact]
    public async Task A_refusal_takes_a_coded_reason_from_the_list_and_the_supplier_reads_it_in_the_consultation_and_the_history()
    {
        using var accounts = await ConnectAsync();
        var (supplier, _, titulaire, other) = accounts;

        var listed = (await titulaire.PostAsync("/cpro/transverses/v1/recuperer/motifs/refus/Facture/AValider", new { codeCadreFacturationAValider = "A12_FACTURE_COTRAITANT" })).EnsureOk();
        var reasons = listed["listeMotifRefusFactureAValider"].EnumerateArray().ToList();
        Assert.Equal(ValidatorRefusalReasons.All.Select(r => (r.Id, r.Code, r.Label)),
            reasons.Select(r => (r.GetProperty("idMotif").GetInt32(), r.GetProperty("codeMotif").GetString()!, r.GetProperty("libelleMotif").GetString()!)));
        var wrongCadre = await titulaire.PostAsync("/cpro/transverses/v1/recuperer/motifs/refus/Facture/AValider", new { codeCadreFacturationAValider = "A1_FACTURE_FOURNISSEUR" });
        Assert.Equal(CproCodes.InvalidField, wrongCadre.CodeRetour);
        Assert.Contains("A9_FACTURE_SOUSTRAITANT", wrongCadre.Libelle, StringComparison.Ordinal);

        var id = (await supplier.PostAsync("/cpro/factures/v1/soumettre", Typed("ST-API-3", Titulaire))).EnsureOk()["identifiantFactureCPP"].GetInt32();
        async Task<CproResponse> RefuseAsync(CproClient client, object body) => await client.PostAsync("/cpro/factures/v1/traiter/factureAValider", body);
        var unknown = await RefuseAsync(titulaire, new { idFacture = id, action = "REFUS", codeMotif = "INCONNU" });
        Assert.Equal(CproCodes.InvalidField, unknown.CodeRetour);
        Assert.Contains("PRESTATIONS_NON_REALISEES", unknown.Libelle, StringComparison.Ordinal);
        Assert.Equal(CproCodes.InvalidField, (await RefuseAsync(titulaire, new { idFacture = id, action = "REFUS", idMotif = 99 })).CodeRetour);
        var vague = await RefuseAsync(titulaire, new { idFacture = id, action = "REFUS", motifRefus = "AUTRE" });
        Assert.Equal(CproCodes.InvalidField, vague.CodeRetour);
        Assert.Contains("complementInfo", vague.Libelle, StringComparison.Ordinal);
        var empty = await RefuseAsync(titulaire, new { idFacture = id, action = "REFUS", motifRefus = "", complementInfo = " " });
        Assert.Contains("recuperer/motifs/refus/Facture/AValider", empty.Libelle, StringComparison.Ordinal);
        Assert.Equal(CproCodes.InvoiceNotFound, (await RefuseAsync(other, new { idFacture = id, action = "REFUS", motifRefus = "PIECES_MANQUANTES" })).CodeRetour);
        Assert.Equal(InvoiceStatus.AValider1, await Factory.QueryAsync(db => db.Invoices.Where(i => i.CppId == id).Select(i => i.Status).SingleAsync()));

        var refused = (await RefuseAsync(titulaire, new { idFacture = id, action = "REFUS", motifRefus = "pieces_manquantes", complementInfo = "PV de réception du lot 2" })).EnsureOk();
        Assert.Equal("REFUSEE_1", refused["statutFacture"].GetString());
        var again = await RefuseAsync(titulaire, new { idFacture = id, action = "REFUS", idMotif = 1 });
        Assert.Equal(CproCodes.WrongStatus, again.CodeRetour);

        var consulted = (await supplier.PostAsync("/cpro/factures/v1/consulter/fournisseur", new { identifiantFactureCPP = id })).EnsureOk()["facture"];
        var coded = consulted.GetProperty("cadreDeFacturation").GetProperty("motifRefusValideur");
        Assert.Equal((7, "PIECES_MANQUANTES", "Pièces justificatives manquantes"),
            (coded.GetProperty("idMotif").GetInt32(), coded.GetProperty("codeMotif").GetString(), coded.GetProperty("libelleMotif").GetString()));
        Assert.Equal("Pièces justificatives manquantes : PV de réception du lot 2", consulted.GetProperty("commentaire").GetString());
        var history = (await supplier.PostAsync("/cpro/factures/v1/consulter/historique", new { idFacture = id })).EnsureOk();
        Assert.Contains("Pièces justificatives manquantes : PV de réception du lot 2", history.Text, StringComparison.Ordinal);

        // A refusal in words only, as before: no coded reason in the consultation.
        var words = (await supplier.PostAsync("/cpro/factures/v1/soumettre", Typed("ST-API-4", Titulaire))).EnsureOk()["identifiantFactureCPP"].GetInt32();
        (await RefuseAsync(titulaire, new { idFacture = words, action = "REFUS", motifRefus = "Travaux non commencés" })).EnsureOk();
        var plain = (await supplier.PostAsync("/cpro/factures/v1/consulter/fournisseur", new { identifiantFactureCPP = words })).EnsureOk()["facture"];
        Assert.False(plain.GetProperty("cadreDeFacturation").TryGetProperty("motifRefusValideur", out _));
        Assert.Equal("Travaux non commencés", plain.GetProperty("commentaire").GetString());
    }

    private Task WaitForAsync(string number, InvoiceStatus status) => Task.Run(async () =>
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await Factory.QueryAsync(db => db.Invoices.AnyAsync(i => i.Number == number && i.Status == status)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{number} did not reach {status}.");
            await Task.Delay(50);
        }
    });
}

public sealed class ValidationCircuitApiOnSqliteTests() : ValidationCircuitApiTests(TestDatabase.Sqlite);

public sealed class ValidationCircuitApiOnPostgresTests() : ValidationCircuitApiTests(TestDatabase.Postgres);
