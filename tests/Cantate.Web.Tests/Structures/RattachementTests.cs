using Cantate.Testing;
using Cantate.Web.Modules.Structures;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Structures;

public abstract class RattachementTests(TestDatabase database) : PortalTest(database)
{
    private const string Siret = "84321765400014";

    private async Task<(string Manager, PortalClient Requester, string RequesterEmail)> RequestAsync()
    {
        var manager = NewEmail("gestionnaire");
        await AccountJourney.OnboardAsync(Factory, Client, manager, Siret);
        var requesterEmail = NewEmail("collegue");
        var requester = Factory.CreatePortalClient();
        var step1 = await requester.GetAsync("/compte/creer");
        var step2 = await requester.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", requesterEmail), ("Siret", Siret)));
        Assert.Contains("demande de rattachement", step2.Text);
        Assert.Null(step2.Document.GetElementById("RaisonSociale"));
        var done = await requester.SubmitAsync(step2, PortalClient.Fields(("LastName", "Bernard"), ("FirstName", "Sacha")));
        Assert.Contains("Votre demande de rattachement a été transmise au gestionnaire principal", done.Text);
        await Factory.Smtp.WaitForAsync(manager, "Demande de rattachement à ATELIER DUPONT MENUISERIE");
        await AccountJourney.ActivateAsync(Factory, requester, requesterEmail);
        var home = await AccountJourney.SignInAsync(requester, requesterEmail);
        Assert.Contains("est en cours de validation", home.Text);
        Assert.Empty(home.Document.QuerySelectorAll("nav[aria-label='Espaces de travail'] a"));
        return (manager, requester, requesterEmail);
    }

    [Fact]
    public async Task A_second_user_of_a_structure_asks_to_be_attached_and_the_gestionnaire_accepts()
    {
        var (_, requester, requesterEmail) = await RequestAsync();
        var review = await Client.GetAsync("/structure/rattachements");
        Assert.Contains("Bernard", review.Text);
        var accepted = await Client.SubmitAsync(review, formSelector: "main form", handler: "Accepter");
        Assert.Contains("La demande de rattachement est acceptée", accepted.Text);
        await Factory.Smtp.WaitForAsync(requesterEmail, "Votre rattachement à ATELIER DUPONT MENUISERIE est accepté");

        var home = await requester.GetAsync("/accueil");
        Assert.Equal("Utilisateur simple", home.Document.QuerySelector(".role")?.TextContent);
        var links = home.Document.QuerySelectorAll("nav[aria-label='Espaces de travail'] a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Factures émises", "Sollicitations émises"], links);
        Assert.Equal(1, await Factory.QueryAsync(db => db.Structures.CountAsync(s => s.Siret == Siret)));
        requester.Dispose();
    }

    [Fact]
    public async Task The_gestionnaire_refuses_and_the_requester_is_told()
    {
        var (_, requester, requesterEmail) = await RequestAsync();
        var review = await Client.GetAsync("/structure/rattachements");
        var refused = await Client.SubmitAsync(review, formSelector: "main form", handler: "Refuser");
        Assert.Contains("La demande de rattachement est refusée", refused.Text);
        await Factory.Smtp.WaitForAsync(requesterEmail, "Votre demande de rattachement à ATELIER DUPONT MENUISERIE est refusée");
        var home = await requester.GetAsync("/accueil");
        Assert.Contains("Vous n'êtes rattaché(e) à aucune structure", home.Text);
        Assert.Equal(MembershipStatus.Refusee, await Factory.QueryAsync(db =>
            db.Memberships.Where(m => m.Role == StructureRole.UtilisateurSimple).Select(m => m.Status).SingleAsync()));
        requester.Dispose();
    }

    [Fact]
    public async Task Only_a_gestionnaire_of_the_structure_can_decide_a_request()
    {
        var (_, requester, _) = await RequestAsync();
        var membershipId = await Factory.QueryAsync(db => db.Memberships.Where(m => m.Status == MembershipStatus.EnCoursDeValidation).Select(m => m.Id).SingleAsync());

        // A gestionnaire of another structure posts the decision with a valid form token of their own.
        using var outsider = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, outsider, NewEmail("autre"), "90012345600015");
        var outsiderReview = await outsider.GetAsync("/structure/rattachements");
        Assert.DoesNotContain("Bernard", outsiderReview.Text);
        var token = outsiderReview.Document.QuerySelector("input[name=__jeton]")?.GetAttribute("value")
            ?? (await outsider.GetAsync("/accueil")).Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var attempt = await outsider.PostAsync("/structure/rattachements?handler=Accepter",
            [new("demande", membershipId.ToString()), new("__jeton", token)]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, attempt.Status);

        // The requester cannot accept their own request either.
        var own = await requester.GetAsync("/accueil");
        var ownToken = own.Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var self = await requester.PostAsync("/structure/rattachements?handler=Accepter", [new("demande", membershipId.ToString()), new("__jeton", ownToken)]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, self.Status);
        Assert.Equal(MembershipStatus.EnCoursDeValidation, await Factory.QueryAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Status).SingleAsync()));
        requester.Dispose();
    }
}

public sealed class RattachementOnSqliteTests() : RattachementTests(TestDatabase.Sqlite);

public sealed class RattachementOnPostgresTests() : RattachementTests(TestDatabase.Postgres);
