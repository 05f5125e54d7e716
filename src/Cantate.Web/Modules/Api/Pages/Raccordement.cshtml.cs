using System.Globalization;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Api.Features;
using Cantate.Web.Modules.Api.Webhooks;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Api.Pages;

/// <summary>
/// The "Raccordement EDI et API" workspace: a structure's API credentials and webhooks, on one screen, for its
/// gestionnaires only (anyone else gets 404, on every GET and POST). Secrets appear once, in the answer to the
/// action that made them, and the page is never cached.
/// </summary>
[Authorize]
public sealed class RaccordementModel(StructureAccess access, CantateDbContext db, ApiCredentials credentials, WebhookSubscriptions webhooks,
    TimeProvider clock, IOptions<CantateOptions> options) : PageModel
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private bool _missing;

    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    /// <summary>The application, technical account, subscription or delivery acted on.</summary>
    [BindProperty] public Guid Cible { get; set; }
    [BindProperty] public string? NomApplication { get; set; }
    [BindProperty] public string? Adresse { get; set; }
    [BindProperty] public List<string> Evenements { get; set; } = [];
    [BindProperty] public bool Confirme { get; set; }

    public Structure Structure { get; private set; } = default!;
    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];
    public IReadOnlyList<TechnicalAccount> Accounts { get; private set; } = [];
    public IReadOnlyList<WebhookSubscription> Subscriptions { get; private set; } = [];
    public IReadOnlyList<WebhookSubscriptions.DeliveryRow> Deliveries { get; private set; } = [];
    public Revealed? Shown { get; private set; }
    public Confirmation? Pending { get; private set; }
    public string? Message { get; private set; }
    public DateTime Now { get; private set; }
    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>Secrets shown once, with the cpro-account header and a curl example when there is a full set.</summary>
    public sealed record Revealed(string Title, IReadOnlyList<(string Id, string Label, string Value)> Values, string? Curl);

    public sealed record Confirmation(string Handler, Guid Target, string Question, string Consequence);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => RunAsync(_ => Task.FromResult<string?>(null), cancellationToken);

    public Task<IActionResult> OnPostCreerAsync(CancellationToken cancellationToken) => RunAsync(async user =>
    {
        try
        {
            var (client, account) = await credentials.CreateConnectionAsync(Structure, NomApplication ?? string.Empty, user, cancellationToken);
            var header = ApiCredentials.CproAccountHeader(account.Account.Login, account.Password);
            Shown = new Revealed($"Application « {client.Client.Name} » et compte technique créés",
                [("client-id", "client_id", client.Client.ClientId), ("client-secret", "client_secret", client.Secret),
                 ("login", "Identifiant du compte technique", account.Account.Login), ("mot-de-passe", "Mot de passe du compte technique", account.Password),
                 ("cpro-account", "Valeur de l'en-tête cpro-account", header)],
                SignatureExamples.Curl(BaseUrl, client.Client.ClientId, client.Secret, header));
            NomApplication = null;
            return "L'application et le compte technique sont créés : copiez leurs secrets maintenant.";
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(NomApplication), e.Message);
            return null;
        }
    }, cancellationToken);

    public Task<IActionResult> OnPostSecretAsync(CancellationToken cancellationToken) => RunAsync(async _ =>
    {
        if (await ClientAsync(cancellationToken) is not { } client) return Missing();
        var secret = await credentials.RotateClientSecretAsync(client, cancellationToken);
        Shown = new Revealed($"Nouveau secret de l'application « {client.Name} »",
            [("client-id", "client_id", client.ClientId), ("client-secret", "client_secret", secret)], null);
        return "Le secret est renouvelé : l'ancien ne permet plus d'obtenir de jeton.";
    }, cancellationToken);

    public Task<IActionResult> OnPostMotDePasseAsync(CancellationToken cancellationToken) => RunAsync(async _ =>
    {
        if (await AccountAsync(cancellationToken) is not { } account) return Missing();
        var password = await credentials.RotateTechnicalPasswordAsync(account, cancellationToken);
        Shown = new Revealed($"Nouveau mot de passe du compte technique {account.Login}",
            [("login", "Identifiant du compte technique", account.Login), ("mot-de-passe", "Mot de passe du compte technique", password),
             ("cpro-account", "Valeur de l'en-tête cpro-account", ApiCredentials.CproAccountHeader(account.Login, password))], null);
        return $"Le mot de passe est renouvelé jusqu'au {Jour(account.PasswordExpiresAt)} : l'ancien ne fonctionne plus.";
    }, cancellationToken);

    public Task<IActionResult> OnPostRevoquerApplicationAsync(CancellationToken cancellationToken) => RevokeAsync(ClientAsync,
        client => new Confirmation("RevoquerApplication", client.Id, $"Révoquer l'application « {client.Name} » ({client.ClientId}) ?",
            "Ses jetons cessent aussitôt de fonctionner et elle ne pourra plus en obtenir. La révocation est définitive."),
        async client =>
        {
            await credentials.RevokeClientAsync(client, cancellationToken);
            return $"L'application « {client.Name} » est révoquée.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRevoquerCompteAsync(CancellationToken cancellationToken) => RevokeAsync(AccountAsync,
        account => new Confirmation("RevoquerCompte", account.Id, $"Révoquer le compte technique {account.Login} ?",
            "Les appels à l'API qui l'utilisent dans l'en-tête cpro-account sont aussitôt refusés. La révocation est définitive."),
        async account =>
        {
            await credentials.RevokeTechnicalAccountAsync(account, cancellationToken);
            return $"Le compte technique {account.Login} est révoqué.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAbonnerAsync(CancellationToken cancellationToken) => RunAsync(async user =>
    {
        try
        {
            var (subscription, secret) = await webhooks.SubscribeAsync(Structure.Id, user, Adresse, Evenements, cancellationToken);
            Shown = new Revealed($"Secret de signature des notifications envoyées à {subscription.Url}",
                [("secret-signature", "Secret de signature (en-tête Cantate-Signature)", secret)], null);
            (Adresse, Evenements) = (null, []);
            return "L'abonnement est créé : les prochains événements seront envoyés à cette adresse.";
        }
        catch (WebhookRefusedException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return null;
        }
    }, cancellationToken);

    public Task<IActionResult> OnPostDesactiverAsync(CancellationToken cancellationToken) => RunAsync(async _ =>
        await webhooks.SetActiveAsync(Structure.Id, Cible, false, cancellationToken)
            ? "L'abonnement est désactivé : plus rien n'est envoyé à cette adresse." : Missing(), cancellationToken);

    public Task<IActionResult> OnPostReactiverAsync(CancellationToken cancellationToken) => RunAsync(async _ =>
        await webhooks.SetActiveAsync(Structure.Id, Cible, true, cancellationToken) ? "L'abonnement est réactivé." : Missing(), cancellationToken);

    public Task<IActionResult> OnPostRenvoyerAsync(CancellationToken cancellationToken) => RunAsync(async _ =>
        await webhooks.ResendAsync(Structure.Id, Cible, cancellationToken)
            ? "La notification est renvoyée : son résultat s'affiche ci-dessous dans quelques instants." : Missing(), cancellationToken);

    public string Jour(DateTime utc) => Paris(utc).ToString("dd/MM/yyyy", French);

    public string Moment(DateTime utc) => Paris(utc).ToString("dd/MM/yyyy HH:mm", French);

    /// <summary>Checks the user manages the structure, runs the action (its message, or null), then shows the screen.</summary>
    private async Task<IActionResult> RunAsync(Func<Guid, Task<string?>> action, CancellationToken cancellationToken)
    {
        if (StructureAccess.UserIdOf(User) is not { } user) return Challenge();
        if (await access.ManagerMembershipAsync(user, StructureId, cancellationToken) is not { Structure: { } structure }) return NotFound();
        Structure = structure;
        Response.Headers.CacheControl = "no-store";
        Message = await action(user);
        if (_missing) return NotFound();
        Now = clock.GetUtcNow().UtcDateTime;
        Clients = await db.ApiClients.AsNoTracking().Where(c => c.StructureId == structure.Id)
            .OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        Accounts = await db.TechnicalAccounts.AsNoTracking().Where(a => a.StructureId == structure.Id)
            .OrderBy(a => a.RevokedAt != null).ThenByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);
        Subscriptions = await webhooks.ListAsync(structure.Id, cancellationToken);
        Deliveries = await webhooks.LatestDeliveriesAsync(structure.Id, 20, cancellationToken);
        return Page();
    }

    /// <summary>A revocation: the first POST asks for confirmation, the second (Confirme) revokes.</summary>
    private Task<IActionResult> RevokeAsync<T>(Func<CancellationToken, Task<T?>> find, Func<T, Confirmation> ask, Func<T, Task<string>> revoke,
        CancellationToken cancellationToken) where T : class => RunAsync(async _ =>
        {
            if (await find(cancellationToken) is not { } target) return Missing();
            if (Confirme) return await revoke(target);
            Pending = ask(target);
            return null;
        }, cancellationToken);

    private string? Missing()
    {
        _missing = true;
        return null;
    }

    private Task<ApiClient?> ClientAsync(CancellationToken cancellationToken) =>
        db.ApiClients.FirstOrDefaultAsync(c => c.Id == Cible && c.StructureId == StructureId && c.RevokedAt == null, cancellationToken);

    private Task<TechnicalAccount?> AccountAsync(CancellationToken cancellationToken) =>
        db.TechnicalAccounts.FirstOrDefaultAsync(a => a.Id == Cible && a.StructureId == StructureId && a.RevokedAt == null, cancellationToken);

    private static DateTime Paris(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc),
            TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var paris) ? paris : TimeZoneInfo.Utc);
}
