using System.Text.RegularExpressions;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cantate.BrowserTests;

/// <summary>
/// An invoice's life in Chromium: a supplier types one invoice in the form and deposits another as a UBL file, the
/// public structure rejects one and pays the other, the supplier follows both and is told by e-mail (smtp4dev).
/// </summary>
public sealed class InvoiceLifecycleInTheBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "Une phrase de passe solide 2026";
    private const string SupplierSiret = "84321765400014";
    private const string RecipientSiret = "13002526500013";

    private static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@exemple.fr";

    private async Task CreateAccountAsync(IPage page, string email, string siret)
    {
        await page.GotoAsync("/compte/creer");
        await page.GetByLabel("Adresse électronique de connexion").FillAsync(email);
        await page.GetByLabel("SIRET").FillAsync(siret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Complétez les informations demandées");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Durand");
        await page.GetByLabel("Prénom").FillAsync("Alix");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).Not.ToContainTextAsync("Complétez les informations demandées");
        // A structure already listed in the annuaire has no workspace step.
        if ((await heading.TextContentAsync())?.Contains("Ouvrez vos espaces de travail", StringComparison.Ordinal) == true)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        }
        var mail = await fixture.Mailbox.WaitForAsync(email, "Activez votre compte");
        await page.GotoAsync(Smtp4devMailbox.LinkIn(mail, "/compte/activer").ToString());
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Question secrète" }).SelectOptionAsync(new SelectOptionValue { Label = "Quel était le nom de votre premier animal de compagnie ?" });
        await page.GetByLabel("Réponse à la question secrète").FillAsync("Médor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre compte est désormais actif");
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique de connexion").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/accueil"));
    }

    private async Task OpenWorkspaceAsync(IPage page, string name)
    {
        await page.GotoAsync("/accueil");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Espaces de travail" }).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
    }

    private Task<bool> WaitForStatusAsync(string number, InvoiceStatus status) => fixture.App.QueryAsync(async db =>
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await db.Invoices.AsNoTracking().Where(i => i.Number == number).Select(i => (InvoiceStatus?)i.Status).FirstOrDefaultAsync() != status)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Invoice {number} never reached {status}.");
            await Task.Delay(100);
        }
        return true;
    });

    private static async Task SetStatusAsync(IPage page, string number, string status, string? reason)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Facture {number}");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Nouveau statut" }).SelectOptionAsync(new SelectOptionValue { Label = status });
        if (reason is not null) await page.GetByLabel("Motif").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le statut" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le statut de la facture est mis à jour");
    }

    [Fact]
    public async Task A_typed_invoice_and_a_deposited_ubl_file_reach_the_public_structure_which_rejects_one_and_pays_the_other()
    {
        var supplierEmail = NewEmail("fournisseur");
        var supplier = await fixture.NewPageAsync();
        await CreateAccountAsync(supplier, supplierEmail, SupplierSiret);
        var agent = await fixture.NewPageAsync();
        await CreateAccountAsync(agent, NewEmail("agent"), RecipientSiret);
        // The recipient asks for a service code, chosen among its services.
        await fixture.App.QueryAsync(async db =>
        {
            var structure = await db.Structures.SingleAsync(s => s.Siret == RecipientSiret);
            (structure.IsPublic, structure.IsActive, structure.ServiceCodeRequired, structure.EngagementRequired, structure.ServiceOrEngagementRequired) = (true, true, true, false, false);
            if (!await db.StructureServices.AnyAsync(s => s.StructureId == structure.Id && s.Code == "DINUM-ACHATS"))
                db.StructureServices.Add(new StructureService { StructureId = structure.Id, Code = "DINUM-ACHATS", Label = "Achats et marchés publics" });
            return await db.SaveChangesAsync();
        });

        // The supplier types an invoice of two lines at 20 % and 10 %.
        await OpenWorkspaceAsync(supplier, "Factures émises");
        await supplier.GetByRole(AriaRole.Link, new() { Name = "Saisir une facture" }).ClickAsync();
        await Expect(supplier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Saisir une facture");
        await supplier.GetByLabel("SIRET du destinataire").FillAsync(RecipientSiret);
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Vérifier le destinataire" }).ClickAsync();
        await Expect(supplier.Locator(".exigences")).ToContainTextAsync("Le code service est obligatoire.");
        await supplier.GetByRole(AriaRole.Combobox, new() { Name = "Code service" }).SelectOptionAsync("DINUM-ACHATS");
        await supplier.GetByLabel("Numéro d'engagement juridique").FillAsync("EJ-2026-0042");
        await supplier.GetByLabel("Numéro de facture").FillAsync("F-WEB-0001");
        await supplier.GetByLabel("IBAN").FillAsync("FR76 3000 6000 0112 3456 7890 189");
        await supplier.GetByLabel("BIC").FillAsync("AGRIFRPP");
        var line1 = supplier.GetByRole(AriaRole.Group, new() { Name = "Ligne 1" });
        await line1.GetByLabel("Désignation").FillAsync("Audit d'accessibilité");
        await line1.GetByLabel("Quantité").FillAsync("3");
        await line1.GetByRole(AriaRole.Combobox, new() { Name = "Unité" }).SelectOptionAsync("DAY");
        await line1.GetByLabel("Prix unitaire HT").FillAsync("1 250,50");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ligne" }).ClickAsync();
        var line2 = supplier.GetByRole(AriaRole.Group, new() { Name = "Ligne 2" });
        await line2.GetByLabel("Désignation").FillAsync("Formation");
        await line2.GetByLabel("Quantité").FillAsync("2");
        await line2.GetByRole(AriaRole.Combobox, new() { Name = "Unité" }).SelectOptionAsync("HUR");
        await line2.GetByLabel("Prix unitaire HT").FillAsync("80.25");
        await line2.GetByRole(AriaRole.Combobox, new() { Name = "Taux de TVA" }).SelectOptionAsync("S-10");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Recalculer" }).ClickAsync();
        await Expect(supplier.Locator("#total-ttc")).ToHaveTextAsync(new Regex(@"^4\s678,35\s€$"));
        await Expect(supplier.Locator("dd.tva")).ToHaveTextAsync([new Regex(@"^750,30\s€$"), new Regex(@"^16,05\s€$")]);
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Valider et envoyer" }).ClickAsync();
        await Expect(supplier.GetByRole(AriaRole.Heading, new() { Name = "Récapitulatif" })).ToBeVisibleAsync();
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'envoi" }).ClickAsync();
        await Expect(supplier.GetByRole(AriaRole.Status)).ToContainTextAsync("La facture F-WEB-0001 est déposée");
        await Expect(supplier.Locator(".empreinte")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));

        // ... and deposits a UBL file.
        var ubl = Path.Combine(Path.GetTempPath(), $"facture-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(ubl, SampleInvoices.Ubl("F-UBL-0002", SupplierSiret, RecipientSiret, "DINUM-ACHATS"));
        try
        {
            await OpenWorkspaceAsync(supplier, "Factures émises");
            await supplier.GetByRole(AriaRole.Link, new() { Name = "Déposer une facture" }).ClickAsync();
            await supplier.GetByLabel("Fichier de la facture").SetInputFilesAsync(ubl);
            await supplier.GetByRole(AriaRole.Button, new() { Name = "Déposer" }).ClickAsync();
            await Expect(supplier.GetByRole(AriaRole.Status)).ToContainTextAsync("La facture F-UBL-0002 est déposée");
        }
        finally
        {
            File.Delete(ubl);
        }
        await WaitForStatusAsync("F-WEB-0001", InvoiceStatus.MiseADisposition);
        await WaitForStatusAsync("F-UBL-0002", InvoiceStatus.MiseADisposition);

        // The public structure sees both, rejects the typed one and pays the other.
        await OpenWorkspaceAsync(agent, "Factures reçues");
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "F-WEB-0001", Exact = true })).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "F-UBL-0002", Exact = true })).ToBeVisibleAsync();
        await SetStatusAsync(agent, "F-WEB-0001", "Rejetée", "Le bon de commande porte sur deux jours d'audit");
        await OpenWorkspaceAsync(agent, "Factures reçues");
        await SetStatusAsync(agent, "F-UBL-0002", "Mise en paiement", null);

        // The supplier follows both, with the history, and is told by e-mail.
        await OpenWorkspaceAsync(supplier, "Factures émises");
        var rows = supplier.GetByRole(AriaRole.Row);
        await Expect(rows.Filter(new() { HasText = "F-WEB-0001" }).Locator(".statut")).ToHaveTextAsync("Rejetée");
        await Expect(rows.Filter(new() { HasText = "F-UBL-0002" }).Locator(".statut")).ToHaveTextAsync("Mise en paiement");
        await supplier.GetByRole(AriaRole.Link, new() { Name = "F-WEB-0001", Exact = true }).ClickAsync();
        var history = supplier.Locator(".historique tbody tr");
        await Expect(history.Locator("td:nth-child(2)")).ToHaveTextAsync(["Déposée", "En cours d'acheminement", "Mise à disposition", "Rejetée"]);
        await Expect(history.Last).ToContainTextAsync("Le bon de commande porte sur deux jours d'audit");

        var rejected = await fixture.Mailbox.WaitForAsync(supplierEmail, "Facture F-WEB-0001 : rejetée");
        Assert.Contains("Le bon de commande porte sur deux jours d'audit", rejected, StringComparison.Ordinal);
        await fixture.Mailbox.WaitForAsync(supplierEmail, "Facture F-UBL-0002 : mise en paiement");
    }
}
