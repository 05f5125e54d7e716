using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api.Reference;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>
/// Every example of the API reference is a real exchange: its request, with the identifiers of data prepared for it
/// (an invoice in the state the operation needs, a file, a flow), gets HTTP 200 and an answer that has every
/// documented field with the documented JSON type.
/// </summary>
public sealed class ApiExamplesTests(ApiExamplesTests.Platform platform) : IClassFixture<ApiExamplesTests.Platform>
{
    public static TheoryData<string> Operations() => [.. ApiCatalogue.Operations.Select(o => o.OperationId)];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_documented_example_gets_the_documented_answer(string operationId)
    {
        var operation = ApiCatalogue.Operations.Single(o => o.OperationId == operationId);
        var request = JsonNode.Parse(operation.RequestExample)!;
        Substitute(request, await platform.ValuesForAsync(operation.Path));
        var caller = operation.Caller switch { "destinataire" => platform.Recipient, "valideur" => platform.Validator, _ => platform.Supplier };
        var response = operation.Method == "GET"
            ? await caller.GetAsync("/cpro" + operation.Path)
            : await caller.PostAsync("/cpro" + operation.Path, request.ToJsonString());

        Assert.True(response.Status == HttpStatusCode.OK, $"HTTP {(int)response.Status}: {response.Text}");
        AssertSameShape(JsonDocument.Parse(operation.ResponseExample).RootElement, response.Body, "");
        Assert.Empty(platform.Factory.ErrorLog.Errors);
    }

    /// <summary>Replaces, at any depth, the value of every field named in <paramref name="values"/>.</summary>
    private static void Substitute(JsonNode node, IReadOnlyDictionary<string, JsonNode> values)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (values.TryGetValue(name, out var value)) o[name] = value.DeepClone();
                    else if (child is not null) Substitute(child, values);
                }
                break;
            case JsonArray a:
                foreach (var child in a.Where(c => c is not null)) Substitute(child!, values);
                break;
        }
    }

    private static void AssertSameShape(JsonElement documented, JsonElement actual, string path)
    {
        Assert.True(Kind(documented) == Kind(actual), $"{path}: documented {documented.ValueKind}, answered {actual.ValueKind}");
        switch (documented.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in documented.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{path}.{property.Name} is documented but not answered");
                    AssertSameShape(property.Value, value, path + "." + property.Name);
                }
                break;
            case JsonValueKind.Array when documented.GetArrayLength() > 0:
                Assert.True(actual.GetArrayLength() > 0, $"{path}: the documented example has items, the answer has none");
                AssertSameShape(documented[0], actual[0], path + "[0]");
                break;
        }
    }

    private static JsonValueKind Kind(JsonElement e) => e.ValueKind == JsonValueKind.False ? JsonValueKind.True : e.ValueKind;

    /// <summary>One platform for all the examples: a supplier, the public recipient of the examples and its services.</summary>
    public sealed class Platform : IAsyncLifetime
    {
        public const string SupplierSiret = "84321765400014";
        public const string RecipientSiret = "13002526500013";
        /// <summary>The titulaire who validates the examples' A9 invoices, and a structure designated by mistake.</summary>
        public const string ValidatorSiret = "79245318500011";
        public const string WrongValidatorSiret = "90012345600015";
        private int _invoices;

        public CantateFactory Factory { get; } = new(TestDatabase.Sqlite);
        public CproClient Supplier { get; private set; } = default!;
        public CproClient Recipient { get; private set; } = default!;
        public CproClient Validator { get; private set; } = default!;
        public CproClient WrongValidator { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Supplier = await CproClient.ConnectAsync(Factory, SupplierSiret);
            Recipient = await CproClient.ConnectAsync(Factory, RecipientSiret);
            Validator = await CproClient.ConnectAsync(Factory, ValidatorSiret);
            WrongValidator = await CproClient.ConnectAsync(Factory, WrongValidatorSiret);
            await Factory.QueryAsync(async db =>
            {
                var recipient = await db.Structures.SingleAsync(s => s.Siret == RecipientSiret);
                db.StructureServices.Add(new StructureService { StructureId = recipient.Id, Code = "DINUM-ACHATS", Label = "Achats et marchés publics" });
                db.StructureServices.Add(new StructureService { StructureId = recipient.Id, Code = "DINUM-RH", Label = "Ressources humaines" });
                return await db.SaveChangesAsync();
            });
        }

        /// <summary>The values an operation's example needs, named as its request fields.</summary>
        public async Task<Dictionary<string, JsonNode>> ValuesForAsync(string path)
        {
            var (recipientId, serviceId, supplierId) = await Factory.QueryAsync(async db =>
            {
                var recipient = await db.Structures.SingleAsync(s => s.Siret == RecipientSiret);
                var service = await db.StructureServices.Where(s => s.StructureId == recipient.Id && s.Code == "DINUM-ACHATS").Select(s => s.CppId).SingleAsync();
                var supplier = await db.Structures.Where(s => s.Siret == SupplierSiret).Select(s => s.CppId).SingleAsync();
                return (recipient.CppId, service, supplier);
            });
            var values = new Dictionary<string, JsonNode>
            {
                ["idStructureCPP"] = recipientId, ["idStructure"] = recipientId, ["idService"] = serviceId, ["idFournisseur"] = supplierId,
            };
            var number = $"EX-{Interlocked.Increment(ref _invoices):D4}";
            switch (path)
            {
                case "/factures/v1/deposer/flux":
                    values["fichierFlux"] = Convert.ToBase64String(SampleInvoices.Ubl(number, SupplierSiret, RecipientSiret, "DINUM-ACHATS"));
                    values["nomFichier"] = number + ".xml";
                    break;
                case "/transverses/v1/ajouter/fichier":
                    values["pieceJointeFichier"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
                    break;
                case "/factures/v1/completer":
                    values["identifiantFactureCPP"] = await InvoiceAsync(number, "SUSPENDUE");
                    values["pieceJointeComplementaireId"] = await FileAsync();
                    break;
                case "/factures/v1/soumettre":
                    break;
                case "/factures/v1/recycler":
                    values["identifiantFactureCPP"] = await InvoiceAsync(number, "A_RECYCLER");
                    break;
                case "/factures/v1/traiter/recue":
                    values["idFacture"] = await InvoiceAsync(number, null);
                    break;
                case "/factures/v1/rechercher/valideur" or "/factures/v1/traiter/factureAValider":
                    values["idFacture"] = await SubcontractorInvoiceAsync(number, ValidatorSiret);
                    break;
                case "/factures/v1/consulter/valideur":
                    values["identifiantFactureCPP"] = await ValidatedSubcontractorInvoiceAsync(number);
                    break;
                case "/factures/v1/rechercher/fournisseur" or "/factures/v1/rechercher/recipiendaire":
                    // An A9 invoice its titulaire validated, deposited last (the clock stands still otherwise) so that it is the
                    // first row of the recipient's search, which sorts the newest deposit first.
                    Factory.Clock.Advance(TimeSpan.FromSeconds(1));
                    var routed = await ValidatedSubcontractorInvoiceAsync(number);
                    values["numeroFluxDepot"] = await FlowNumberAsync(routed);
                    values["idStructureValideur"] = await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == ValidatorSiret).Select(s => s.CppId).SingleAsync());
                    break;
                case "/factures/v1/corriger/valideur/facture":
                    var misdirected = await SubcontractorInvoiceAsync(number, WrongValidatorSiret);
                    (await WrongValidator.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = misdirected, action = "MISE_EN_RECYCLAGE" })).EnsureOk();
                    values["idFacture"] = misdirected;
                    break;
                case "/factures/v1/recuperer/statutsFactureVisibles/valideur":
                    break;
                case var invoicePath when invoicePath.StartsWith("/factures/v1/", StringComparison.Ordinal) || invoicePath.Contains("/consulterCR", StringComparison.Ordinal):
                    var id = await InvoiceAsync(number, null);
                    values["idFacture"] = id;
                    values["identifiantFactureCPP"] = id;
                    values["numeroFluxDepot"] = await FlowNumberAsync(id);
                    break;
            }
            return values;
        }

        private Task<string> FlowNumberAsync(int id) => Factory.QueryAsync(db => db.Invoices.Where(i => i.CppId == id)
            .Join(db.DepositFlows, i => i.FlowId, f => f.Id, (i, f) => f.Number).SingleAsync());

        /// <summary>An A9 invoice its titulaire validated, made available to the recipient.</summary>
        private async Task<int> ValidatedSubcontractorInvoiceAsync(string number)
        {
            var id = await SubcontractorInvoiceAsync(number, ValidatorSiret);
            (await Validator.PostAsync("/cpro/factures/v1/traiter/factureAValider", new { idFacture = id, action = "VALIDATION" })).EnsureOk();
            await WaitForAsync(number, InvoiceStatus.MiseADisposition);
            return id;
        }

        /// <summary>An invoice deposited through the API, made available to the recipient, then set by it to <paramref name="status"/>.</summary>
        private async Task<int> InvoiceAsync(string number, string? status)
        {
            (await Supplier.PostAsync("/cpro/factures/v1/deposer/flux", new
            {
                fichierFlux = Convert.ToBase64String(SampleInvoices.Ubl(number, SupplierSiret, RecipientSiret, "DINUM-ACHATS")),
                nomFichier = number + ".xml",
                syntaxeFlux = "IN_DP_E1_UBL_INVOICE",
            })).EnsureOk();
            int? id = await WaitForAsync(number, InvoiceStatus.MiseADisposition);
            if (status is not null)
            {
                (await Recipient.PostAsync("/cpro/factures/v1/traiter/recue", new { idFacture = id, nouveauStatut = status, motif = "Motif de l'exemple" })).EnsureOk();
            }
            return id.Value;
        }

        private async Task<int> WaitForAsync(string number, InvoiceStatus status)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            int? id;
            while ((id = await Factory.QueryAsync(db => db.Invoices.Where(i => i.Number == number && i.Status == status)
                       .Select(i => (int?)i.CppId).SingleOrDefaultAsync())) is null)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{number} did not reach {status}.");
                await Task.Delay(50);
            }
            return id.Value;
        }

        /// <summary>An A9 invoice typed through soumettre, waiting for the given valideur (A_VALIDER_1).</summary>
        private async Task<int> SubcontractorInvoiceAsync(string number, string validatorSiret)
        {
            var response = (await Supplier.PostAsync("/cpro/factures/v1/soumettre", new
            {
                modeDepot = "SAISIE_API",
                numeroFactureSaisi = number,
                dateFacture = "2026-11-20",
                dateEcheancePaiement = "2026-12-20",
                destinataire = new { codeDestinataire = RecipientSiret, codeServiceExecutant = "DINUM-ACHATS" },
                cadreDeFacturation = new { codeCadreFacturation = "A9_FACTURE_SOUSTRAITANT", codeStructureValideur = validatorSiret },
                references = new { deviseFacture = "EUR", typeFacture = "FACTURE", modePaiement = "VIREMENT" },
                lignePoste = new[] { new { lignePosteReference = "R1", lignePosteDenomination = "Lot 2 : menuiseries", lignePosteQuantite = 10, lignePosteMontantUnitaireHT = 50, lignePosteTauxTvaManuel = 20 } },
                montantTotal = new { montantHtTotal = 500, montantTVA = 100, montantTtcTotal = 600, montantAPayer = 600 },
            })).EnsureOk();
            Assert.Equal("A_VALIDER_1", response["statutFacture"].GetString());
            return response["identifiantFactureCPP"].GetInt32();
        }

        private async Task<int> FileAsync()
        {
            var response = (await Supplier.PostAsync("/cpro/transverses/v1/ajouter/fichier", new
            {
                pieceJointeFichier = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")),
                pieceJointeNom = "pv-reception.pdf",
                pieceJointeTypeMime = "application/pdf",
                pieceJointeExtension = "PDF",
            })).EnsureOk();
            return response["pieceJointeId"].GetInt32();
        }

        public async Task DisposeAsync()
        {
            Supplier.Dispose();
            Recipient.Dispose();
            Validator.Dispose();
            WrongValidator.Dispose();
            await Factory.DisposeAsync();
        }
    }
}
