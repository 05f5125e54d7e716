using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cantate.Invoicing.FacturX;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Invoices;

/// <summary>"Saisir une facture", driven like a browser without JavaScript.</summary>
public abstract class EnterInvoiceTests(TestDatabase database) : PortalTest(database)
{
    private const string OtherSupplierSiret = "90012345600015";

    internal static string FormUrl(InvoiceParties parties) => $"/espaces/factures-emises/saisir?structure={parties.SupplierId}";

    /// <summary>A complete invoice of two lines at 20 % and 10 %.</summary>
    internal static List<KeyValuePair<string, string?>> Invoice(string number, params (string Name, string? Value)[] changes)
    {
        var fields = PortalClient.Fields(
            ("RecipientSiret", InvoiceParties.RecipientSiret), ("Number", number), ("IssueDate", "2026-11-20"), ("DueDate", "2026-12-20"),
            ("SellerVatId", "FR32843217654"), ("Iban", "FR76 3000 6000 0112 3456 7890 189"), ("Bic", "AGRIFRPP"),
            ("Lines[0].Description", "Fourniture et pose d'étagères"), ("Lines[0].Quantity", "3"), ("Lines[0].Unit", "C62"),
            ("Lines[0].UnitPrice", "1 250,50"), ("Lines[0].Vat", "S-20"),
            ("Lines[1].Description", "Main-d'œuvre"), ("Lines[1].Quantity", "2"), ("Lines[1].Unit", "HUR"),
            ("Lines[1].UnitPrice", "80.25"), ("Lines[1].Vat", "S-10"));
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return fields;
    }

    internal static Task<Page> PressAsync(PortalClient client, Page page, string button, List<KeyValuePair<string, string?>>? fields = null)
    {
        var all = fields is null ? [] : new List<KeyValuePair<string, string?>>(fields);
        all.Add(new("bouton", button));
        return client.SubmitAsync(page, all);
    }

    private static string Shown(Page page, string id) =>
        page.Document.GetElementById(id)?.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' ') ?? "";

    private async Task<Page> ConfirmAsync(InvoiceParties parties, List<KeyValuePair<string, string?>> fields)
    {
        var form = await parties.Supplier.GetAsync(FormUrl(parties));
        var twoLines = await PressAsync(parties.Supplier, form, "ajouter-ligne");
        var confirmation = await PressAsync(parties.Supplier, twoLines, "valider", fields);
        Assert.True(confirmation.Document.QuerySelector("button[value=confirmer]") is not null,
            "No confirmation step: " + confirmation.Document.QuerySelector(".resume-erreurs")?.TextContent);
        return confirmation;
    }

    [Fact]
    public async Task A_typed_invoice_is_confirmed_then_deposited_as_factur_x_carrying_the_typed_values_and_reaches_its_recipient()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.SetRoutingAsync(service: true, services: new StructureService { Code = "SERVICE-ACHATS", Label = "Achats" });
        var confirmation = await ConfirmAsync(parties, Invoice("F-SAISIE-1", ("ServiceCode", "SERVICE-ACHATS"), ("EngagementNumber", "EJ-2026-0042")));
        Assert.Contains("Confirmer l'envoi", confirmation.Text);
        Assert.Equal("4 678,35 €", Shown(confirmation, "total-ttc"));
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));

        var sent = await PressAsync(parties.Supplier, confirmation, "confirmer");
        Assert.Contains("La facture F-SAISIE-1 est déposée", sent.Text);
        Assert.Equal(64, sent.Document.QuerySelector(".empreinte")?.TextContent.Length);
        Assert.NotNull(sent.Document.QuerySelector("a[href^='/factures/']"));

        var invoice = await parties.WaitForStatusAsync("F-SAISIE-1", InvoiceStatus.MiseADisposition);
        Assert.Equal(("FACTURX", "SERVICE-ACHATS", "EJ-2026-0042", 4678.35m), (invoice.Syntax, invoice.ServiceCode, invoice.EngagementNumber, invoice.TotalWithVat));
        var flow = await Factory.QueryAsync(db => db.DepositFlows.SingleAsync(f => f.Id == invoice.FlowId));
        Assert.Equal(("PORTAIL", "IN_DP_E2_CII_FACTURX", "F-SAISIE-1.pdf"), (flow.Channel, flow.Syntax, flow.FileName));

        var read = FacturXReader.Read(await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", flow.StoragePath)));
        var model = read.Invoice!;
        Assert.Equal(("F-SAISIE-1", "SERVICE-ACHATS", "EJ-2026-0042", "380", "A1"),
            (model.Number, model.BuyerReference, model.PurchaseOrderReference, model.TypeCode, model.BusinessProcessType));
        Assert.Equal((InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret), (model.Seller!.LegalRegistrationId!.Value, model.Buyer!.LegalRegistrationId!.Value));
        Assert.Equal("FR7630006000011234567890189", model.PaymentInstructions!.CreditTransfers[0].AccountId);
        Assert.Equal((3912.00m, 766.35m, 4678.35m, 4678.35m),
            (model.Totals!.TaxExclusiveAmount, model.Totals.VatTotal, model.Totals.TaxInclusiveAmount, model.Totals.AmountDue));
        Assert.Equal([(20m, 3751.50m, 750.30m), (10m, 160.50m, 16.05m)],
            model.VatBreakdowns.Select(b => (b.Rate!.Value, b.TaxableAmount!.Value, b.TaxAmount!.Value)));
        Assert.Equal(["Fourniture et pose d'étagères", "Main-d'œuvre"], model.Lines.Select(l => l.Item!.Name));

        var received = await parties.Recipient.GetAsync($"/espaces/factures-recues?structure={parties.RecipientId}");
        Assert.Contains("F-SAISIE-1", received.Text);
    }

    [Fact]
    public async Task An_invoice_already_paid_has_nothing_due_and_needs_no_bank_details()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var form = await PressAsync(parties.Supplier, await parties.Supplier.GetAsync(FormUrl(parties)), "ajouter-ligne");
        var confirmation = await PressAsync(parties.Supplier, form, "valider", Invoice("F-PAYEE-1", ("Cadre", "A2"), ("Iban", ""), ("Bic", "")));
        Assert.Equal("0,00 €", Shown(confirmation, "net-a-payer"));
        Assert.Equal("4 678,35 €", Shown(confirmation, "total-ttc"));
        var sent = await PressAsync(parties.Supplier, confirmation, "confirmer");
        Assert.Contains("La facture F-PAYEE-1 est déposée", sent.Text);
        var invoice = await parties.WaitForStatusAsync("F-PAYEE-1", InvoiceStatus.MiseADisposition);
        Assert.Equal(("A2", 4678.35m, 0m), (invoice.Cadre, invoice.TotalWithVat, invoice.AmountDue));
        var flow = await Factory.QueryAsync(db => db.DepositFlows.SingleAsync(f => f.Id == invoice.FlowId));
        var model = FacturXReader.Read(await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", flow.StoragePath))).Invoice!;
        Assert.Equal((4678.35m, 0m), (model.Totals!.PaidAmount, model.Totals.AmountDue));
        Assert.Null(model.PaymentInstructions);
    }

    [Fact]
    public async Task Totals_are_recomputed_per_vat_rate_without_javascript_and_an_added_line_comes_empty()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var form = await parties.Supplier.GetAsync(FormUrl(parties));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Null(form.Document.GetElementById("Lines[1].Description"));
        var twoLines = await PressAsync(parties.Supplier, form, "ajouter-ligne");
        Assert.Equal("", twoLines.Document.GetElementById("Lines[1].Description")?.GetAttribute("value") ?? "");

        var page = await PressAsync(parties.Supplier, twoLines, "recalculer", Invoice("F-TOTAUX"));
        Assert.Equal("3 912,00 €", Shown(page, "total-ht"));
        Assert.Equal("766,35 €", Shown(page, "total-tva"));
        Assert.Equal("4 678,35 €", Shown(page, "total-ttc"));
        Assert.Equal("4 678,35 €", Shown(page, "net-a-payer"));
        var perRate = page.Document.QuerySelectorAll("dd.tva").Select(d => (d.GetAttribute("data-taux"), d.TextContent.Replace('\u202f', ' '))).ToList();
        Assert.Equal([("20", "750,30 €"), ("10", "16,05 €")], perRate);
        // What was typed is shown again as typed.
        Assert.Equal("1 250,50", page.Document.GetElementById("Lines[0].UnitPrice")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_recipients_requirements_are_shown_with_its_services_and_enforced_next_to_the_fields()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.SetRoutingAsync(service: true,
            services: [new StructureService { Code = "TRAVAUX", Label = "Travaux", EngagementRequired = true }, new StructureService { Code = "FERME", Label = "Fermé", IsActive = false }]);
        var form = await parties.Supplier.GetAsync(FormUrl(parties));
        var known = await PressAsync(parties.Supplier, form, "destinataire", PortalClient.Fields(("RecipientSiret", InvoiceParties.RecipientSiret)));
        Assert.Contains("Le code service est obligatoire.", known.Text);
        Assert.Contains("Le service « TRAVAUX » exige un numéro d'engagement juridique.", known.Text);
        var options = known.Document.QuerySelectorAll("select#ServiceCode option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("TRAVAUX", options);
        Assert.DoesNotContain("FERME", options);

        var noService = await PressAsync(parties.Supplier, known, "valider", Invoice("F-EXIGE-1", ("ServiceCode", "")));
        Assert.Contains("code service", noService.FieldError("ServiceCode"));
        var noEngagement = await PressAsync(parties.Supplier, noService, "valider", Invoice("F-EXIGE-1", ("ServiceCode", "TRAVAUX"), ("EngagementNumber", "")));
        Assert.Contains("engagement juridique", noEngagement.FieldError("EngagementNumber"));
        Assert.Null(noEngagement.FieldError("ServiceCode"));
        var both = await PressAsync(parties.Supplier, noEngagement, "valider", Invoice("F-EXIGE-1", ("ServiceCode", "TRAVAUX"), ("EngagementNumber", "EJ-7")));
        Assert.NotNull(both.Document.QuerySelector("button[value=confirmer]"));
    }

    [Fact]
    public async Task A_recipient_found_by_name_fills_the_siret()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var name = await Factory.QueryAsync(db => db.Structures.Where(s => s.Id == parties.RecipientId).Select(s => s.RaisonSociale).SingleAsync());
        var form = await parties.Supplier.GetAsync(FormUrl(parties));
        var found = await PressAsync(parties.Supplier, form, "chercher", PortalClient.Fields(("recherche", name[..6])));
        Assert.NotNull(found.Document.QuerySelector($"button[value='choisir-{InvoiceParties.RecipientSiret}']"));
        var chosen = await PressAsync(parties.Supplier, found, $"choisir-{InvoiceParties.RecipientSiret}");
        Assert.Equal(InvoiceParties.RecipientSiret, chosen.Document.GetElementById("RecipientSiret")?.GetAttribute("value"));
        Assert.Contains("Ni le code service ni le numéro d'engagement juridique ne sont exigés", chosen.Text);
    }

    public static TheoryData<string, string, string, string> BadValues() => new()
    {
        { "Number", "F-2026-NUMERO-TROP-LONG", "Number", "20 caractères" },
        { "Number", "F 2026 é", "Number", "lettres sans accent" },
        { "Iban", "FR76 3000 6000 0112 3456 7890 188", "Iban", "clé de contrôle" },
        { "Bic", "AGRI", "Bic", "8 ou 11" },
        { "Lines[0].Quantity", "trois", "Lines[0].Quantity", "n'est pas un nombre" },
        { "Lines[1].UnitPrice", "12,5,3", "Lines[1].UnitPrice", "n'est pas un nombre" },
        { "Lines[0].UnitPrice", "-4", "Lines[0].UnitPrice", "négatif" },
        { "IssueDate", "31/02/2026", "IssueDate", "n'est pas une date" },
        { "RecipientSiret", "1300252650", "RecipientSiret", "14 chiffres" },
        { "RecipientSiret", "21920023500014", "RecipientSiret", "n'est pas une structure publique" },
        { "Lines[1].Vat", "E-0", "Lines[1].ExemptionReason", "motif d'exonération" },
        { "SellerVatId", "", "SellerVatId", "TVA intracommunautaire" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_value_that_cannot_be_right_is_refused_in_french_next_to_its_field_and_nothing_is_sent(string field, string value, string errorField, string expected)
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var form = await PressAsync(parties.Supplier, await parties.Supplier.GetAsync(FormUrl(parties)), "ajouter-ligne");
        var page = await PressAsync(parties.Supplier, form, "valider", Invoice("F-ERREUR-1", (field, value)));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(expected, page.FieldError(errorField));
        Assert.Null(page.Document.QuerySelector("button[value=confirmer]"));
        Assert.Equal(value, page.Document.GetElementById(field)?.GetAttribute("value") ?? page.Document.QuerySelector($"select[name='{field}'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task A_refused_deposit_shows_the_rule_and_the_field_and_keeps_everything_typed()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-DOUBLE", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
        var confirmation = await ConfirmAsync(parties, Invoice("F-DOUBLE"));
        var refused = await PressAsync(parties.Supplier, confirmation, "confirmer");
        Assert.Contains("La facture n'est pas envoyée", refused.Text);
        Assert.Contains("DOUBLON", refused.Document.QuerySelectorAll(".problemes .regle").Select(r => r.TextContent));
        Assert.Contains("numéro unique", refused.FieldError("Number"));
        Assert.Equal("Main-d'œuvre", refused.Document.GetElementById("Lines[1].Description")?.GetAttribute("value"));
        Assert.Equal(1, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task A_credit_note_needs_the_original_invoice_number_which_the_factur_x_carries()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var form = await PressAsync(parties.Supplier, await parties.Supplier.GetAsync(FormUrl(parties)), "ajouter-ligne");
        var missing = await PressAsync(parties.Supplier, form, "valider", Invoice("AV-2026-1", ("TypeCode", "381")));
        Assert.Contains("facture d'origine", missing.FieldError("OriginalNumber"));

        var confirmation = await PressAsync(parties.Supplier, missing, "valider", Invoice("AV-2026-1", ("TypeCode", "381"), ("OriginalNumber", "F-2026-7")));
        var sent = await PressAsync(parties.Supplier, confirmation, "confirmer");
        Assert.Contains("La facture AV-2026-1 est déposée", sent.Text);
        var invoice = await parties.WaitForStatusAsync("AV-2026-1", InvoiceStatus.MiseADisposition);
        var flow = await Factory.QueryAsync(db => db.DepositFlows.SingleAsync(f => f.Id == invoice.FlowId));
        var model = FacturXReader.Read(await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", flow.StoragePath))).Invoice!;
        Assert.Equal(("381", "F-2026-7"), (model.TypeCode, model.PrecedingInvoices.Single().Number));
    }

    [Fact]
    public async Task A_draft_is_saved_without_checks_listed_reopened_with_its_values_and_deleted_and_sending_it_deletes_it()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var form = await parties.Supplier.GetAsync(FormUrl(parties));
        // A draft may be incomplete and even wrong: only its sizes are checked.
        var saved = await PressAsync(parties.Supplier, form, "enregistrer", PortalClient.Fields(("Number", "F-BROUILLON-TROP-LONG-1"), ("Lines[0].Quantity", "deux")));
        Assert.Contains("Le brouillon est enregistré", saved.Text);
        var draftId = Guid.Parse(saved.Document.QuerySelector("input[name=brouillon]")!.GetAttribute("value")!);
        var savedAgain = await PressAsync(parties.Supplier, saved, "enregistrer", PortalClient.Fields(("Number", "F-BROUILLON-1")));
        Assert.Contains("Le brouillon est enregistré", savedAgain.Text);
        Assert.Equal(1, await Factory.QueryAsync(db => db.InvoiceDrafts.CountAsync()));

        var list = await parties.Supplier.GetAsync($"/espaces/factures-emises/brouillons?structure={parties.SupplierId}");
        Assert.Contains("F-BROUILLON-1", list.Text);
        var reopened = await parties.Supplier.GetAsync(list.Document.QuerySelector("a[aria-label='Reprendre le brouillon F-BROUILLON-1']")!.GetAttribute("href")!);
        Assert.Equal("F-BROUILLON-1", reopened.Document.GetElementById("Number")?.GetAttribute("value"));
        Assert.Equal("deux", reopened.Document.GetElementById("Lines[0].Quantity")?.GetAttribute("value"));

        var deleted = await parties.Supplier.SubmitAsync(list, formSelector: "form[action*='handler=Supprimer']");
        Assert.Contains("Le brouillon est supprimé", deleted.Text);
        Assert.Equal(0, await Factory.QueryAsync(db => db.InvoiceDrafts.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await parties.Supplier.GetAsync($"{FormUrl(parties)}&brouillon={draftId}")).Status);

        // A draft that is sent is no longer a draft.
        var twoLines = await PressAsync(parties.Supplier, await parties.Supplier.GetAsync(FormUrl(parties)), "ajouter-ligne");
        var draft = await PressAsync(parties.Supplier, twoLines, "enregistrer", Invoice("F-BROUILLON-2"));
        var confirmation = await PressAsync(parties.Supplier, draft, "valider");
        Assert.NotNull(confirmation.Document.QuerySelector("input[name=brouillon]"));
        var sent = await PressAsync(parties.Supplier, confirmation, "confirmer");
        Assert.Contains("La facture F-BROUILLON-2 est déposée", sent.Text);
        Assert.Equal(0, await Factory.QueryAsync(db => db.InvoiceDrafts.CountAsync()));
    }

    [Fact]
    public async Task Another_structures_form_and_drafts_answer_not_found()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var saved = await PressAsync(parties.Supplier, await parties.Supplier.GetAsync(FormUrl(parties)), "enregistrer", PortalClient.Fields(("Number", "F-PRIVE-1")));
        var draftId = saved.Document.QuerySelector("input[name=brouillon]")!.GetAttribute("value");

        var other = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, other, NewEmail("autre"), OtherSupplierSiret);
        var otherId = await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == OtherSupplierSiret).Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(FormUrl(parties))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/espaces/factures-emises/saisir?brouillon={draftId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/espaces/factures-emises/saisir?structure={otherId}&brouillon={draftId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/espaces/factures-emises/brouillons?structure={parties.SupplierId}")).Status);
        var ownList = await other.GetAsync($"/espaces/factures-emises/brouillons?structure={otherId}");
        Assert.Equal(HttpStatusCode.OK, ownList.Status);
        Assert.DoesNotContain("F-PRIVE-1", ownList.Text);
        var ownForm = await other.GetAsync($"/espaces/factures-emises/saisir?structure={otherId}");
        Assert.Equal(HttpStatusCode.OK, ownForm.Status);
        var token = ownForm.Document.QuerySelector("main form input[type=hidden][name^='__']")!;
        var delete = await other.PostAsync($"/espaces/factures-emises/brouillons?structure={otherId}&handler=Supprimer",
            [new("brouillon", draftId!), new(token.GetAttribute("name")!, token.GetAttribute("value")!)]);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        // Posting the other structure's draft id from one's own form does not overwrite it either.
        var overwrite = await PressAsync(other, ownForm, "enregistrer", PortalClient.Fields(("brouillon", draftId), ("Number", "VOLE")));
        Assert.Equal(HttpStatusCode.NotFound, overwrite.Status);
        Assert.Equal("F-PRIVE-1", await Factory.QueryAsync(db => db.InvoiceDrafts.Select(d => d.Number).SingleAsync()));
        // The public structure's user has no "Factures émises" workspace there.
        Assert.Equal(HttpStatusCode.NotFound, (await parties.Recipient.GetAsync($"/espaces/factures-emises/saisir?structure={parties.RecipientId}")).Status);
        other.Dispose();
    }

    /// <summary>Posts the page's form as multipart/form-data, like a browser does with a file chosen.</summary>
    private static async Task<Page> PostWithFileAsync(PortalClient client, Page page, List<KeyValuePair<string, string?>> fields, string button,
        string fileName, byte[] content)
    {
        var form = (IHtmlFormElement)page.Document.QuerySelector("main form")!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            if (element is IHtmlInputElement { Type: not ("file" or "submit"), Name.Length: > 0 } input) values.Add(new(input.Name!, input.Value));
            else if (element is IHtmlSelectElement { Name.Length: > 0 } select) values.Add(new(select.Name!, select.Value ?? ""));
        }
        foreach (var name in fields.Select(f => f.Key).Distinct()) values.RemoveAll(v => v.Key == name);
        values.AddRange(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
        values.Add(new("bouton", button));
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
        multipart.Add(new ByteArrayContent(content), "pieces", fileName);
        using var response = await client.Http.PostAsync(new Uri(page.Url.PathAndQuery, UriKind.Relative), multipart);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!, document);
    }

    [Fact]
    public async Task A_joined_pdf_is_embedded_in_the_factur_x_as_a_supporting_document()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var form = await PressAsync(parties.Supplier, await parties.Supplier.GetAsync(FormUrl(parties)), "ajouter-ligne");
        var pdf = "%PDF-1.4\n% bon de commande n° 42\n"u8.ToArray();
        var confirmation = await PostWithFileAsync(parties.Supplier, form, Invoice("F-PIECE-1"), "valider", "bon-de-commande.pdf", pdf);
        Assert.NotNull(confirmation.Document.QuerySelector("button[value=confirmer]"));
        Assert.Contains("bon-de-commande.pdf", confirmation.Text);
        var sent = await PressAsync(parties.Supplier, confirmation, "confirmer");
        Assert.Contains("La facture F-PIECE-1 est déposée", sent.Text);

        var invoice = await parties.WaitForStatusAsync("F-PIECE-1", InvoiceStatus.MiseADisposition);
        var flow = await Factory.QueryAsync(db => db.DepositFlows.SingleAsync(f => f.Id == invoice.FlowId));
        var model = FacturXReader.Read(await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", flow.StoragePath))).Invoice!;
        var document = Assert.Single(model.SupportingDocuments);
        Assert.Equal(("bon-de-commande.pdf", "application/pdf", "bon-de-commande.pdf"), (document.Reference, document.Attachment!.MimeCode, document.Attachment.FileName));
        Assert.Equal(pdf, document.Attachment.Content);
    }

    public static TheoryData<string, int, string> RefusedFiles() => new()
    {
        { "vide.pdf", 0, "est vide" },
        { new string('n', 47) + ".pdf", 10, "50 au plus" },
        { "programme.exe", 10, "extension acceptée" },
        { "lettre.docx", 10, "EN 16931" },
        { "trop-gros.pdf", 10 * 1024 * 1024 + 1, "10 Mo" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_chorus_pro_or_en16931_would_refuse_is_not_joined_and_says_why(string name, int size, string expected)
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var form = await parties.Supplier.GetAsync(FormUrl(parties));
        var page = await PostWithFileAsync(parties.Supplier, form, [], "joindre", name, new byte[size]);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(expected, page.FieldError("pieces"));
        Assert.Null(page.Document.QuerySelector("input[name='Attachments[0].Token']"));
    }
}

public sealed class EnterInvoiceOnSqliteTests() : EnterInvoiceTests(TestDatabase.Sqlite);

public sealed class EnterInvoiceOnPostgresTests() : EnterInvoiceTests(TestDatabase.Postgres);
