using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cantate.Sirene;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Api.Features;

/// <summary>
/// Creates, rotates and revokes the credentials of the API: OAuth clients (client_id + secret) and technical
/// accounts (login + password, attached to one structure). Secrets are generated here, shown once to whoever
/// created them, and only their SHA-256 is stored.
/// </summary>
public sealed class ApiCredentials(CantateDbContext db, ISireneDirectory sirene, CproGateway gateway, TimeProvider clock, IOptions<CantateOptions> options)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const string LowerAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public sealed record NewClient(ApiClient Client, string Secret);

    public sealed record NewTechnicalAccount(TechnicalAccount Account, Structure Structure, string Password);

    public sealed record NewConnection(NewClient Client, NewTechnicalAccount Account);

    public async Task<NewClient> CreateClientAsync(string name, Guid? structureId, Guid? userId, CancellationToken cancellationToken)
    {
        var created = AddClient(name, structureId, userId);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// What a gestionnaire needs to connect software for the structure, in one step and one transaction: an OAuth
    /// client owned by the structure and a technical account acting for it.
    /// </summary>
    public async Task<NewConnection> CreateConnectionAsync(Structure structure, string name, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var client = AddClient(name, structure.Id, userId);
        var account = AddTechnicalAccount(structure, userId);
        await db.SaveChangesAsync(cancellationToken);
        return new NewConnection(client, account);
    }

    private NewClient AddClient(string name, Guid? structureId, Guid? userId)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 100) throw new ArgumentException("Le nom de l'application doit compter de 1 à 100 caractères.", nameof(name));
        var secret = RandomNumberGenerator.GetString(Alphabet, 43);
        var client = new ApiClient
        {
            ClientId = "cantate-" + RandomNumberGenerator.GetString(LowerAlphabet, 20),
            SecretHash = CproGateway.Sha256(secret),
            Name = trimmed,
            StructureId = structureId,
            CreatedByUserId = userId,
            CreatedAt = Now,
        };
        db.ApiClients.Add(client);
        return new NewClient(client, secret);
    }

    /// <summary>A new secret for the client; the old one stops working at once, tokens already issued stay valid until they expire.</summary>
    public async Task<string> RotateClientSecretAsync(ApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var secret = RandomNumberGenerator.GetString(Alphabet, 43);
        client.SecretHash = CproGateway.Sha256(secret);
        client.SecretRotatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>Revokes the client and every token it holds.</summary>
    public async Task RevokeClientAsync(ApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.RevokedAt = Now;
        await db.ApiAccessTokens.Where(t => t.ApiClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        gateway.Forget();
    }

    /// <summary>
    /// A technical account for the structure with this SIRET; the structure is taken from the platform, or created
    /// from SIRENE when it is not there yet (public law structures get their default service and enter the directory).
    /// </summary>
    public async Task<NewTechnicalAccount> CreateTechnicalAccountAsync(string siret, Guid? userId, CancellationToken cancellationToken)
    {
        var normalized = (siret ?? string.Empty).Replace(" ", "", StringComparison.Ordinal);
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Siret == normalized, cancellationToken)
            ?? await CreateStructureFromSireneAsync(normalized, cancellationToken);
        var created = AddTechnicalAccount(structure, userId);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    private NewTechnicalAccount AddTechnicalAccount(Structure structure, Guid? userId)
    {
        var password = RandomNumberGenerator.GetString(Alphabet, 32);
        var account = new TechnicalAccount
        {
            Login = string.Create(CultureInfo.InvariantCulture, $"TECH_{structure.Siret}_{RandomNumberGenerator.GetString(LowerAlphabet, 6)}@cantate.api"),
            PasswordHash = CproGateway.Sha256(password),
            StructureId = structure.Id,
            CreatedByUserId = userId,
            CreatedAt = Now,
            PasswordExpiresAt = Now.AddDays(Math.Max(1, options.Value.Api.TechnicalPasswordLifetimeDays)),
        };
        db.TechnicalAccounts.Add(account);
        return new NewTechnicalAccount(account, structure, password);
    }

    /// <summary>A new password, valid for the configured lifetime; the old one stops working at once.</summary>
    public async Task<string> RotateTechnicalPasswordAsync(TechnicalAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var password = RandomNumberGenerator.GetString(Alphabet, 32);
        account.PasswordHash = CproGateway.Sha256(password);
        account.PasswordRotatedAt = Now;
        account.PasswordExpiresAt = Now.AddDays(Math.Max(1, options.Value.Api.TechnicalPasswordLifetimeDays));
        account.ExpiryReminderSentAt = null;
        await db.SaveChangesAsync(cancellationToken);
        gateway.Forget();
        return password;
    }

    public async Task RevokeTechnicalAccountAsync(TechnicalAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.RevokedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        gateway.Forget();
    }

    /// <summary>The cpro-account header value for a login and password.</summary>
    public static string CproAccountHeader(string login, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(login + ":" + password));

    private async Task<Structure> CreateStructureFromSireneAsync(string siret, CancellationToken cancellationToken)
    {
        if (!SiretRules.IsValidSiret(siret))
            throw new ApiCredentialException($"Le SIRET « {siret} » n'est pas valide : il compte 14 chiffres et respecte la clé de Luhn.");
        var lookup = await sirene.FindEtablissementAsync(siret, cancellationToken);
        switch (lookup.Status)
        {
            case SireneLookupStatus.NotFound:
                throw new ApiCredentialException($"Le SIRET {siret} n'est ni sur la plateforme ni dans la base SIRENE.");
            case SireneLookupStatus.Unavailable:
                throw new ApiCredentialException($"La base SIRENE ne peut pas vérifier le SIRET {siret} pour le moment ({lookup.Detail}) : réessayez plus tard.");
        }
        var e = lookup.Etablissement!;
        if (!e.IsActive || !e.UniteLegaleIsActive)
            throw new ApiCredentialException($"L'établissement de SIRET {siret} est fermé dans la base SIRENE.");
        var structure = new Structure
        {
            Siret = siret,
            RaisonSociale = e.RaisonSociale ?? "[non diffusible]",
            AddressLine = e.AddressLine,
            AddressComplement = e.AddressComplement,
            PostalCode = e.PostalCode,
            City = e.City,
            CountryCode = e.CountryCode,
            CategorieJuridique = e.CategorieJuridique,
            IsPublic = e.IsPublicLaw,
            NonDiffusible = e.PartiallyDiffusible,
            CreatedAt = Now,
        };
        db.Structures.Add(structure);
        if (structure.IsPublic) db.StructureServices.Add(StructureService.Default(structure.Id));
        return structure;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>The credentials cannot be created as asked; the message says why, in French.</summary>
public sealed class ApiCredentialException(string message) : Exception(message);
