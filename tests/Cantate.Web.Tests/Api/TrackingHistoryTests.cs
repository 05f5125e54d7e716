using System.Text.Json;
using Cantate.Testing;
using static Cantate.Web.Tests.Api.ApiAssert;
using static Cantate.Web.Tests.Api.TrackingJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>consulter/historique with the bodies of oca, pastell, php and go, from either side of the invoice.</summary>
public abstract class TrackingHistoryTests(TestDatabase database) : PortalTest(database)
{
    private const string History = "/cpro/factures/v1/consulter/historique";

    [Fact]
    public async Task Every_client_reads_the_status_history_newest_first_with_its_types_and_formats()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.ProcessedAsync("F-2026-001", "SUSPENDUE", "Attestation de service fait manquante");
        var bodies = new[]
        {
            (Client: journey.Supplier, Body: $$"""{"idFacture": {{id}}}"""),
            (Client: journey.Recipient, Body: $$"""{"idFacture": {{id}}, "nbResultatsMaximum": 50}"""),
            (Client: journey.Supplier, Body: $$"""{"idUtilisateurCourant": 0, "idFacture": {{id}}, "idEspace": 0, "nbResultatsMaximum": 0}"""),
            (Client: journey.Recipient, Body: $$"""
                {"idEspace": 0, "idFacture": {{id}}, "idUtilisateurCourant": 0, "paramRechercheHistoActionsUtilisateurs": null,
                 "paramRechercheHistoEvenementsComplementaires": null, "paramRechercheHistoStatuts": null}
                """),
        };
        foreach (var (client, body) in bodies)
        {
            var answer = (await client.PostAsync(History, body)).EnsureOk();
            // oca keeps the status only when idFacture is the integer it sent.
            Assert.Equal(id, Int(answer.Body, "idFacture"));
            Assert.Equal("F-2026-001", Text(answer.Body, "numeroFacture"));
            Assert.Equal("SUSPENDUE", Text(answer.Body, "statutCourantCode"));
            Text(answer.Body, "modeDepot");
            var last = answer["derniereAction"];
            Assert.Equal("SUSPENDUE", Text(last, "derniereActionCode"));
            Int(last, "derniereActionId");

            var statuses = answer["historiquesDesStatuts"];
            var codes = statuses.GetProperty("histoStatut").EnumerateArray().Select(s => Text(s, "histoStatutCode")).ToList();
            Assert.Equal(["SUSPENDUE", "MISE_A_DISPOSITION", "EN_COURS_ACHEMINEMENT", "DEPOSEE"], codes);
            var suspension = statuses.GetProperty("histoStatut")[0];
            var histoId = Int(suspension, "histoStatutId");
            Assert.InRange(histoId, 1, int.MaxValue);
            Text(suspension, "histoStatutDatePassage", MinuteDateTime());
            Assert.Equal("Attestation de service fait manquante", Text(suspension, "histoStatutCommentaire"));
            Assert.Equal(journey.Recipient.Login, Text(suspension, "histoStatutUtilisateurNom"));
            Assert.Equal(4, Int(statuses, "totalHistoStatut"));
            Assert.Equal(1, Int(statuses, "pagesHistoStatut"));
            Int(statuses, "pageCouranteHistoStatut");
            Int(statuses, "nbResultatsParPageHistoStatut");

            // Never null objects (php): the lists are objects, possibly empty.
            Assert.Equal(JsonValueKind.Array, answer["historiquesDesActionsUtilisateurs"].GetProperty("histoAction").ValueKind);
            Int(answer["historiquesDesActionsUtilisateurs"], "totalHistoAction");
            Assert.Equal(JsonValueKind.Array, answer["historiquesDesEvenementsComplementaires"].GetProperty("evenement").ValueKind);
            Int(answer["historiquesDesEvenementsComplementaires"], "totalEvenement");
            Assert.DoesNotContain(answer.Body.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task The_depositor_s_e_mail_is_given_to_its_own_side_only_and_a_limit_or_an_ascending_sort_is_honoured()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.AvailableAsync("F-2026-001");
        var own = (await journey.Supplier.PostAsync(History, $$"""{"idFacture": {{id}}, "paramRechercheHistoStatuts": {"triSensListeHistoStatut": "Ascendant"} }""")).EnsureOk();
        var deposit = own["historiquesDesStatuts"].GetProperty("histoStatut")[0];
        Assert.Equal("DEPOSEE", Text(deposit, "histoStatutCode"));
        Assert.Equal(journey.Parties.SupplierEmail, Text(deposit, "histoStatutUtilisateurEmail"));
        Assert.Equal("Dupont", Text(deposit, "histoStatutUtilisateurNom"));
        Assert.Equal("Camille", Text(deposit, "histoStatutUtilisateurPrenom"));

        var other = (await journey.Recipient.PostAsync(History, $$"""{"idFacture": {{id}}, "nbResultatsMaximum": 1, "paramRechercheHistoStatuts": {"triSensListeHistoStatut": "Ascendant"} }""")).EnsureOk();
        var seen = Assert.Single(other["historiquesDesStatuts"].GetProperty("histoStatut").EnumerateArray());
        Assert.Equal("Dupont", Text(seen, "histoStatutUtilisateurNom"));
        Assert.False(seen.TryGetProperty("histoStatutUtilisateurEmail", out _));
    }
}

public sealed class TrackingHistoryTestsOnSqlite() : TrackingHistoryTests(TestDatabase.Sqlite);

public sealed class TrackingHistoryTestsOnPostgres() : TrackingHistoryTests(TestDatabase.Postgres);
