using AngleSharp.Html.Dom;
using Cantate.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>What a gestionnaire does on the "Raccordement EDI et API" screen, as a browser without JavaScript does it.</summary>
public static class RaccordementJourney
{
    public sealed record Credentials(string ClientId, string Secret, string Login, string Password, string CproAccount, Page Page);

    public static string PageOf(Guid structureId) => $"/espaces/raccordement-edi-api?structure={structureId}";

    public static Task<Guid> StructureIdAsync(CantateFactory factory, string siret) =>
        factory.QueryAsync(db => db.Structures.Where(s => s.Siret == siret).Select(s => s.Id).SingleAsync());

    /// <summary>Creates an application and a technical account in one step; returns the secrets shown once.</summary>
    public static async Task<Credentials> CreateAsync(PortalClient client, Guid structureId, string name = "ERP comptabilité")
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetAsync(PageOf(structureId));
        var created = await client.SubmitAsync(page, PortalClient.Fields(("NomApplication", name)), formSelector: "form#creer");
        return new Credentials(Value(created, "client-id"), Value(created, "client-secret"), Value(created, "login"), Value(created, "mot-de-passe"),
            Value(created, "cpro-account"), created);
    }

    /// <summary>Subscribes a URL to the events; returns the signing secret shown once.</summary>
    public static async Task<string> SubscribeAsync(PortalClient client, Guid structureId, string url, params string[] events)
    {
        ArgumentNullException.ThrowIfNull(client);
        var fields = PortalClient.Fields(("Adresse", url));
        fields.AddRange(events.Select(e => new KeyValuePair<string, string?>("Evenements", e)));
        var page = await client.SubmitAsync(await client.GetAsync(PageOf(structureId)), fields, formSelector: "form#abonner");
        return Value(page, "secret-signature");
    }

    /// <summary>Submits the row form whose handler and target are given (Secret, MotDePasse, RevoquerCompte, Renvoyer...).</summary>
    public static async Task<Page> ActAsync(PortalClient client, Guid structureId, string handler, Guid target)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetAsync(PageOf(structureId));
        var selector = $"form[action*='handler={handler}']";
        if (!page.Document.QuerySelectorAll(selector).Any(f => f.QuerySelector($"input[name='Cible'][value='{target}']") is not null))
            throw new InvalidOperationException($"No {handler} button for {target} on the screen.");
        return await client.SubmitAsync(page, PortalClient.Fields(("Cible", target.ToString())), formSelector: selector);
    }

    /// <summary>The value of a read-only field of the secrets panel.</summary>
    public static string Value(Page page, string id)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (page.Document.GetElementById(id) as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No field #{id} on {page.Url} ({(int)page.Status}): {page.Document.QuerySelector(".resume-erreurs")?.TextContent ?? page.Text}");
    }
}
