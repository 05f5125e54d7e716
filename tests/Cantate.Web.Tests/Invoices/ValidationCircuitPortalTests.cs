using System.Net;
using Cantate.Invoicing.Syntax;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Modules.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Invoices;

/// <summary>
/// A sous-traitant deposits an A9 invoice on the portal; its titulaire validates, refuses or sends it back from
/// "Factures à valider"; without an answer in 15 days the validation is tacit. Nobody else sees or acts on it.
/// </summary>
public abstract class ValidationCircuitPortalTests(TestDatabase database) : PortalTest(database)
{
    private const string TitulaireSiret = "79245318500011";
    private const string OtherSiret = "90012345600015";

    private sealed record Validator(PortalClient Client, Guid StructureId, string Email);

    private async Task<Validator> ValidatorAsync(string siret, bool workspace = true)
    {
        var email = NewEmail("titulaire");
        var client = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, client, email, siret);
        var id = await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == siret).Select(s => s.Id).SingleAsync());
        if (workspace)
        {
            await Factory.QueryAsync(async db =>
            {
                var membership = await db.Memberships.SingleAsync(m => m.StructureId == id);
                membership.WorkspaceList = Workspaces.Serialize(membership.Workspaces.Append(Workspace.FacturesAValider));
                return await db.SaveChangesAsync();
            });
        }
        return new Validator(client, id, email);
    }

    private static byte[] A9(string number, string cadre = "A9")
    {
        var model = SampleInvoices.Model(number, InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret);
        model.BusinessProcessType = cadre;
        return InvoiceXml.ToBytes(UblWriter.Write(model));
    }

    private static async Task<Page> DepositAsync(InvoiceParties parties, string number, string? validatorSiret, string? service = null, string cadre = "A9")
    {
        var form = await parties.Supplier.GetAsync($"/espaces/factures-emises/deposer?structure={parties.SupplierId}");
        return await parties.Supplier.UploadAsync(form, "Fichier", number + ".xml", A9(number, cadre),
            fields: PortalClient.Fields(("siretValideur", validatorSiret), ("serviceValideur", service)));
    }

    private static async Task<Page> ActAsync(PortalClient client, Guid structureId, Guid id, string handler, params (string, string?)[] fields)
    {
        var page = await client.GetAsync($"/factures/{id}?structure={structureId}");
        return await client.SubmitAsync(page, PortalClient.Fields(fields), formSelector: $"form[action*='handler={handler}']");
    }

    /// <summary>Posts to a handler the page does not offer, with the user's own valid anti-forgery token.</summary>
    private static async Task<Page> ForgeAsync(PortalClient client, Guid structureId, Guid id, string handler, params (string Name, string Value)[] fields)
    {
        var token = (await client.GetAsync("/compte/notifications")).Document
            .QuerySelector("input[name='__jeton']")!.GetAttribute("value")!;
        return await client.PostAsync($"/factures/{id}?structure={structureId}&handler={handler}",
            [new("__jeton", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
    }

    [Fact]
    public async Task An_A9_invoice_is_refused_without_a_valid_valideur_and_each_message_names_the_field()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await ValidatorAsync(TitulaireSiret);

        var missing = await DepositAsync(parties, "ST-1", null);
        Assert.Contains("Une facture de sous-traitant (A9) est validée par le titulaire du marché", missing.Text, StringComparison.Ordinal);
        Assert.Contains("indiquez son SIRET dans le champ « SIRET du valideur »", missing.Text, StringComparison.Ordinal);
        Assert.Contains("titulaire", missing.Text, StringComparison.Ordinal);
        var cotraitant = await DepositAsync(parties, "ST-1", null, cadre: "A12");
        Assert.Contains("mandataire", cotraitant.Text, StringComparison.Ordinal);
        Assert.Contains("n'est pas un SIRET valide", (await DepositAsync(parties, "ST-1", "123")).Text, StringComparison.Ordinal);
        Assert.Contains("n'est pas inscrite sur Cantate", (await DepositAsync(parties, "ST-1", OtherSiret)).Text, StringComparison.Ordinal);
        Assert.Contains("votre propre structure", (await DepositAsync(parties, "ST-1", InvoiceParties.SupplierSiret)).Text, StringComparison.Ordinal);
        Assert.Contains("n'existe pas chez", (await DepositAsync(parties, "ST-1", TitulaireSiret, "INCONNU")).Text, StringComparison.Ordinal);
        Assert.False(await Factory.QueryAsync(db => db.Invoices.AnyAsync()));
    }

    [Fact]
    public async Task The_typed_form_checks_the_valideur_at_valider_et_envoyer_and_names_the_field_before_the_confirmation()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var titulaire = await ValidatorAsync(TitulaireSiret);
        var closed = await ValidatorAsync(OtherSiret);
        await Factory.QueryAsync(async db =>
        {
            db.StructureServices.Add(new StructureService { StructureId = titulaire.StructureId, Code = "TRAVAUX", Label = "Travaux" });
            db.StructureServices.Add(new StructureService { StructureId = titulaire.StructureId, Code = "FERME", Label = "Fermé", IsActive = false });
            (await db.Structures.SingleAsync(s => s.Id == closed.StructureId)).IsActive = false;
            return await db.SaveChangesAsync();
        });
        var page = await parties.Supplier.GetAsync(EnterInvoiceTests.FormUrl(parties));
        async Task<Page> VerifyAsync(string? siret, string? service = null, string cadre = "A9") => page = await EnterInvoiceTests.PressAsync(parties.Supplier, page, "valider",
            EnterInvoiceTests.Invoice("ST-SAISIE-1", ("Lines[1].Description", ""), ("Lines[1].Quantity", ""), ("Lines[1].UnitPrice", ""), ("Lines[1].Unit", ""), ("Lines[1].Vat", ""),
                ("Cadre", cadre), ("ValidatorSiret", siret), ("ValidatorServiceCode", service)));

        Assert.Contains("indiquez son SIRET dans le champ « SIRET du valideur »", (await VerifyAsync(null)).FieldError("ValidatorSiret"), StringComparison.Ordinal);
        Assert.Contains("mandataire", (await VerifyAsync("", cadre: "A12")).FieldError("ValidatorSiret"), StringComparison.Ordinal);
        Assert.Contains("n'est pas un SIRET valide", (await VerifyAsync("123")).FieldError("ValidatorSiret"), StringComparison.Ordinal);
        Assert.Contains("n'est pas inscrite sur Cantate", (await VerifyAsync("52120146700003")).FieldError("ValidatorSiret"), StringComparison.Ordinal);
        Assert.Contains("est désactivée sur Cantate", (await VerifyAsync(OtherSiret)).FieldError("ValidatorSiret"), StringComparison.Ordinal);
        Assert.Contains("votre propre structure", (await VerifyAsync(InvoiceParties.SupplierSiret)).FieldError("ValidatorSiret"), StringComparison.Ordinal);
        var unknownService = await VerifyAsync(TitulaireSiret, "INCONNU");
        Assert.Contains("n'existe pas chez", unknownService.FieldError("ValidatorServiceCode"), StringComparison.Ordinal);
        Assert.Null(unknownService.FieldError("ValidatorSiret"));
        Assert.Contains("est inactif", (await VerifyAsync(TitulaireSiret, "FERME")).FieldError("ValidatorServiceCode"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("button[value=confirmer]"));
        Assert.False(await Factory.QueryAsync(db => db.Invoices.AnyAsync()));

        // A cadre without a valideur ignores the field; a valid valideur reaches the confirmation step, then the valideur.
        Assert.NotNull((await VerifyAsync("123", cadre: "A1")).Document.QuerySelector("button[value=confirmer]"));
        var confirmation = await VerifyAsync(TitulaireSiret, "TRAVAUX");
        Assert.NotNull(confirmation.Document.QuerySelector("button[value=confirmer]"));
        var sent = await EnterInvoiceTests.PressAsync(parties.Supplier, confirmation, "confirmer");
        Assert.Contains("attend la validation", sent.Text, StringComparison.Ordinal);
        var invoice = await parties.WaitForStatusAsync("ST-SAISIE-1", InvoiceStatus.AValider1);
        Assert.Equal((titulaire.StructureId, "TRAVAUX"), (invoice.ValidatorStructureId, invoice.ValidatorServiceCode));
    }

    [Fact]
    public async Task The_titulaire_is_told_validates_and_the_invoice_then_reaches_its_recipient_with_the_circuit_shown_to_each_side()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var titulaire = await ValidatorAsync(TitulaireSiret);

        var deposited = await DepositAsync(parties, "ST-2", " 792 453 185 00011 ");
        Assert.Contains("attend la validation de", deposited.Text, StringComparison.Ordinal);
        var invoice = await parties.WaitForStatusAsync("ST-2", InvoiceStatus.AValider1);
        Assert.Equal((titulaire.StructureId, TitulaireSiret), (invoice.ValidatorStructureId, invoice.ValidatorSiret));
        Assert.Null(invoice.RecipientStructureId);

        var mail = await Factory.Smtp.WaitForAsync(titulaire.Email, "Facture ST-2 de ATELIER DUPONT MENUISERIE à valider");
        Assert.Contains("titulaire", mail.TextBody, StringComparison.Ordinal);
        var link = TestSmtpServer.LinkIn(mail, $"/factures/{invoice.Id}");
        Assert.EndsWith($"/factures/{invoice.Id}?structure={titulaire.StructureId}", link, StringComparison.Ordinal);

        // Not yet for the recipient.
        Assert.Equal(HttpStatusCode.NotFound, (await parties.Recipient.GetAsync($"/factures/{invoice.Id}?structure={parties.RecipientId}")).Status);
        var received = await parties.Recipient.GetAsync($"/espaces/factures-recues?structure={parties.RecipientId}");
        Assert.DoesNotContain("ST-2", received.Text, StringComparison.Ordinal);

        var list = await titulaire.Client.GetAsync($"/espaces/factures-a-valider?structure={titulaire.StructureId}");
        Assert.Equal("Factures à valider", list.Heading);
        Assert.Contains("ST-2", list.Text, StringComparison.Ordinal);
        Assert.Contains("ST-2", (await titulaire.Client.GetAsync($"/espaces/factures-a-valider?structure={titulaire.StructureId}&statut=A_VALIDER_1")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ST-2", (await titulaire.Client.GetAsync($"/espaces/factures-a-valider?structure={titulaire.StructureId}&statut=VALIDEE_1")).Text, StringComparison.Ordinal);
        var home = await titulaire.Client.GetAsync($"/accueil?structure={titulaire.StructureId}");
        Assert.NotNull(home.Document.QuerySelector($"a[href='/espaces/factures-a-valider?structure={titulaire.StructureId}']"));

        var detail = await titulaire.Client.GetAsync($"/factures/{invoice.Id}?structure={titulaire.StructureId}");
        Assert.Equal("À valider", detail.Document.QuerySelector(".statut")?.TextContent);
        Assert.Null(detail.Document.QuerySelector("form[action*='handler=Traiter']"));
        var document = await titulaire.Client.Http.GetAsync(new Uri($"/factures/{invoice.Id}?structure={titulaire.StructureId}&handler=Document", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);

        var validated = await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Valider");
        Assert.Contains("La facture est validée", validated.Text, StringComparison.Ordinal);
        var available = await parties.WaitForStatusAsync("ST-2", InvoiceStatus.MiseADisposition);
        Assert.Equal(["DEPOSEE", "A_VALIDER_1", "VALIDEE_1", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"], available.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.NotNull(available.ValidatedAt);

        var seenByRecipient = await parties.Recipient.GetAsync($"/factures/{invoice.Id}?structure={parties.RecipientId}");
        Assert.Contains("SIRET 79245318500011", seenByRecipient.Document.QuerySelector(".valideur")?.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("—", seenByRecipient.Document.QuerySelector(".date-validation")?.TextContent);
        Assert.NotNull(seenByRecipient.Document.QuerySelector("form[action*='handler=Traiter']"));
        var sent = await parties.Supplier.GetAsync($"/espaces/factures-emises?structure={parties.SupplierId}");
        Assert.NotNull(sent.Document.QuerySelector("td.valideur"));
        Assert.NotEqual("—", sent.Document.QuerySelector("td.date-validation")?.TextContent);

        // Validating twice is refused with the reason; the titulaire cannot process it as a recipient either.
        var again = await titulaire.Client.GetAsync($"/factures/{invoice.Id}?structure={titulaire.StructureId}");
        Assert.Null(again.Document.QuerySelector("form[action*='handler=Valider']"));
        var forced = await ForgeAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Valider");
        Assert.Contains("ne peut pas être validée", forced.Document.QuerySelector("#erreur-action")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_users_of_the_valideur_holding_the_workspace_see_and_act_on_the_invoice()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var titulaire = await ValidatorAsync(TitulaireSiret, workspace: false);
        var outsider = await ValidatorAsync(OtherSiret);
        await DepositAsync(parties, "ST-3", TitulaireSiret);
        var invoice = await parties.WaitForStatusAsync("ST-3", InvoiceStatus.AValider1);

        // Without the workspace: neither the list nor the invoice; and no e-mail was queued for that user.
        Assert.Equal(HttpStatusCode.NotFound, (await titulaire.Client.GetAsync($"/espaces/factures-a-valider?structure={titulaire.StructureId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await titulaire.Client.GetAsync($"/factures/{invoice.Id}?structure={titulaire.StructureId}")).Status);

        // Another structure, by id, under its own structure or under the valideur's.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/factures/{invoice.Id}?structure={outsider.StructureId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/factures/{invoice.Id}?structure={titulaire.StructureId}")).Status);
        Assert.DoesNotContain("ST-3", (await outsider.Client.GetAsync($"/espaces/factures-a-valider?structure={outsider.StructureId}")).Text, StringComparison.Ordinal);
        // A forged post with the outsider's own valid anti-forgery token, aimed at the valideur's structure.
        Assert.Equal(HttpStatusCode.NotFound, (await ForgeAsync(outsider.Client, titulaire.StructureId, invoice.Id, "Valider")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgeAsync(outsider.Client, outsider.StructureId, invoice.Id, "Refuser", ("motif", "x"))).Status);

        // The supplier sees it but cannot validate its own invoice.
        var supplierView = await parties.Supplier.GetAsync($"/factures/{invoice.Id}?structure={parties.SupplierId}");
        Assert.Null(supplierView.Document.QuerySelector("form[action*='handler=Valider']"));
        var selfValidated = await ForgeAsync(parties.Supplier, parties.SupplierId, invoice.Id, "Valider");
        Assert.Contains("Seul le valideur désigné", selfValidated.Document.QuerySelector("#erreur-action")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.AValider1, (await parties.WaitForStatusAsync("ST-3", InvoiceStatus.AValider1)).Status);
    }

    [Fact]
    public async Task A_refusal_with_its_reason_is_mailed_to_the_supplier_and_the_invoice_goes_no_further()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var titulaire = await ValidatorAsync(TitulaireSiret);
        await DepositAsync(parties, "ST-4", TitulaireSiret);
        var invoice = await parties.WaitForStatusAsync("ST-4", InvoiceStatus.AValider1);

        var noReason = await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Refuser", ("motif", " "));
        Assert.Contains("Indiquez le motif du refus", noReason.Document.QuerySelector("#erreur-action")?.TextContent, StringComparison.Ordinal);
        var tooLong = await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Refuser", ("motif", new string('x', 256)));
        Assert.Contains("255", tooLong.Document.QuerySelector("#erreur-action")?.TextContent, StringComparison.Ordinal);

        var refused = await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Refuser", ("motif", "Travaux du lot 2 non réceptionnés"));
        Assert.Contains("La facture est refusée", refused.Text, StringComparison.Ordinal);
        var mail = await Factory.Smtp.WaitForAsync(parties.SupplierEmail, "Facture ST-4 : refusée par le valideur");
        Assert.Contains("Travaux du lot 2 non réceptionnés", mail.TextBody, StringComparison.Ordinal);
        var seen = await parties.Supplier.GetAsync($"/factures/{invoice.Id}?structure={parties.SupplierId}");
        Assert.Equal("Refusée par le valideur", seen.Document.QuerySelector(".statut")?.TextContent);
        Assert.Equal("Travaux du lot 2 non réceptionnés", seen.Document.QuerySelector(".motif")?.TextContent);
        Assert.Null((await Factory.QueryAsync(db => db.Invoices.SingleAsync(i => i.Id == invoice.Id))).RecipientStructureId);
    }

    [Fact]
    public async Task A_refusal_with_a_coded_reason_and_a_comment_is_shown_to_the_supplier_and_a_refusal_with_neither_is_not_recorded()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var titulaire = await ValidatorAsync(TitulaireSiret);
        var outsider = await ValidatorAsync(OtherSiret);
        await DepositAsync(parties, "ST-7", TitulaireSiret);
        var invoice = await parties.WaitForStatusAsync("ST-7", InvoiceStatus.AValider1);

        var form = await titulaire.Client.GetAsync($"/factures/{invoice.Id}?structure={titulaire.StructureId}");
        var offered = form.Document.QuerySelectorAll("form[action*='handler=Refuser'] select[name=codeMotif] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", .. ValidatorRefusalReasons.All.Select(r => r.Code)], offered);

        string? ErrorOf(Page page) => page.Document.QuerySelector("#erreur-action")?.TextContent;
        Assert.Contains("choisissez-le dans la liste des motifs ou écrivez-le en commentaire",
            ErrorOf(await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Refuser", ("codeMotif", ""), ("motif", " "))), StringComparison.Ordinal);
        Assert.Contains("n'existe pas : choisissez le motif du refus dans la liste",
            ErrorOf(await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Refuser", ("codeMotif", "INCONNU"), ("motif", "x"))), StringComparison.Ordinal);
        Assert.Contains("demande un commentaire",
            ErrorOf(await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Refuser", ("codeMotif", "AUTRE"), ("motif", ""))), StringComparison.Ordinal);
        // Another structure's user, with its own valid anti-forgery token; then a post without any token.
        Assert.Equal(HttpStatusCode.NotFound, (await ForgeAsync(outsider.Client, outsider.StructureId, invoice.Id, "Refuser", ("codeMotif", "FACTURE_DEJA_PRESENTEE"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await titulaire.Client.PostAsync($"/factures/{invoice.Id}?structure={titulaire.StructureId}&handler=Refuser",
            [new("codeMotif", "FACTURE_DEJA_PRESENTEE")])).Status);
        Assert.Equal(InvoiceStatus.AValider1, (await Factory.QueryAsync(db => db.Invoices.SingleAsync(i => i.Id == invoice.Id))).Status);

        var refused = await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Refuser", ("codeMotif", "MONTANT_AGREE_DEPASSE"), ("motif", "Acte spécial : 12 000 € HT"));
        Assert.Contains("La facture est refusée", refused.Text, StringComparison.Ordinal);
        const string label = "Montant cumulé supérieur au montant agréé ou à la part du cotraitant";
        var mail = await Factory.Smtp.WaitForAsync(parties.SupplierEmail, "Facture ST-7 : refusée par le valideur");
        Assert.Contains($"{label} : Acte spécial : 12 000 € HT", mail.TextBody, StringComparison.Ordinal);
        var seen = await parties.Supplier.GetAsync($"/factures/{invoice.Id}?structure={parties.SupplierId}");
        Assert.Equal((label, "MONTANT_AGREE_DEPASSE"), (seen.Document.QuerySelector(".motif-refus")?.TextContent, seen.Document.QuerySelector(".motif-refus")?.GetAttribute("data-code")));
        Assert.Equal($"{label} : Acte spécial : 12 000 € HT", seen.Document.QuerySelector(".motif")?.TextContent);
        var stored = await Factory.QueryAsync(db => db.Invoices.Include(i => i.History).SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal("MONTANT_AGREE_DEPASSE", stored.ValidatorRefusalCode);
        Assert.Equal($"{label} : Acte spécial : 12 000 € HT", stored.History.Single(h => h.Action == "REFUSEE_1").Comment);
        Assert.Null(seen.Document.QuerySelector("form[action*='handler=Refuser']"));
    }

    [Fact]
    public async Task A_wrong_valideur_sends_it_back_and_the_supplier_designates_another_who_alone_sees_it_then()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var wrong = await ValidatorAsync(OtherSiret);
        var titulaire = await ValidatorAsync(TitulaireSiret);
        await DepositAsync(parties, "ST-5", OtherSiret);
        var invoice = await parties.WaitForStatusAsync("ST-5", InvoiceStatus.AValider1);

        await ActAsync(wrong.Client, wrong.StructureId, invoice.Id, "PasLeBonValideur", ("commentaire", "Nous ne sommes pas titulaires de ce marché"));
        await Factory.Smtp.WaitForAsync(parties.SupplierEmail, "Facture ST-5 : erreur de valideur");

        var unchanged = await ActAsync(parties.Supplier, parties.SupplierId, invoice.Id, "CorrigerValideur", ("siretValideur", OtherSiret));
        Assert.Contains("désignez une autre structure", unchanged.Text, StringComparison.Ordinal);
        var corrected = await ActAsync(parties.Supplier, parties.SupplierId, invoice.Id, "CorrigerValideur", ("siretValideur", TitulaireSiret));
        Assert.Contains("Le nouveau valideur est désigné", corrected.Text, StringComparison.Ordinal);
        Assert.Equal("À valider", corrected.Document.QuerySelector(".statut")?.TextContent);
        await Factory.Smtp.WaitForAsync(titulaire.Email, "Facture ST-5 de ATELIER DUPONT MENUISERIE à valider");

        Assert.Equal(HttpStatusCode.NotFound, (await wrong.Client.GetAsync($"/factures/{invoice.Id}?structure={wrong.StructureId}")).Status);
        await ActAsync(titulaire.Client, titulaire.StructureId, invoice.Id, "Valider");
        var available = await parties.WaitForStatusAsync("ST-5", InvoiceStatus.MiseADisposition);
        Assert.Equal(["DEPOSEE", "A_VALIDER_1", "ERREUR_FOURNISSEUR_SUR_VALIDEUR", "A_VALIDER_1", "VALIDEE_1", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"],
            available.History.OrderBy(h => h.Id).Select(h => h.Action));
    }

    [Fact]
    public async Task Without_an_answer_in_15_days_the_invoice_is_validated_tacitly_and_routed()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await ValidatorAsync(TitulaireSiret);
        await DepositAsync(parties, "ST-6", TitulaireSiret);
        await parties.WaitForStatusAsync("ST-6", InvoiceStatus.AValider1);

        await Factory.AdvanceClockAsync<TacitValidation>(Invoice.ValidationDelay - TimeSpan.FromHours(1));
        Assert.Equal(InvoiceStatus.AValider1, (await Factory.QueryAsync(db => db.Invoices.SingleAsync(i => i.Number == "ST-6"))).Status);
        await Factory.AdvanceClockAsync<TacitValidation>(TimeSpan.FromHours(1));
        var available = await parties.WaitForStatusAsync("ST-6", InvoiceStatus.MiseADisposition);
        Assert.Contains("ABSENCE_VALIDATION_1_HORS_DELAI", available.History.Select(h => h.Action));
        Assert.NotNull(available.ValidatedAt);
    }
}

public sealed class ValidationCircuitPortalOnSqliteTests() : ValidationCircuitPortalTests(TestDatabase.Sqlite);

public sealed class ValidationCircuitPortalOnPostgresTests() : ValidationCircuitPortalTests(TestDatabase.Postgres);
