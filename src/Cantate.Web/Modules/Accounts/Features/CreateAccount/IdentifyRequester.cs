using Cantate.Sirene;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts.Features.CreateAccount;

/// <summary>
/// Step 1, "Identifiez-vous": checks the login address and the SIRET (format, Luhn key, presence in SIRENE,
/// établissement active) and starts the draft with what SIRENE publishes.
/// </summary>
public sealed class IdentifyRequester(CantateDbContext db, ISireneDirectory sirene)
{
    public sealed record Result(AccountRequestDraft? Draft, IReadOnlyDictionary<string, string> Errors);

    public async Task<Result> HandleAsync(string? loginEmail, string? siretInput, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var email = loginEmail?.Trim() ?? string.Empty;
        var emailError = EmailAddresses.Check(email, "de connexion");
        if (emailError is not null) errors["LoginEmail"] = emailError;

        var siret = SiretRules.Normalize(siretInput);
        var siretError = SiretRules.Check(siret) switch
        {
            SiretProblem.Empty => "Saisissez le SIRET de votre structure : 14 chiffres, sans espace.",
            SiretProblem.NotFourteenDigits => $"Le SIRET doit comporter exactement 14 chiffres ; vous avez saisi « {siretInput?.Trim()} ».",
            SiretProblem.BadCheckKey => $"Le SIRET {siret} n'est pas valide : sa clé de contrôle est fausse. Vérifiez les 14 chiffres sur votre avis de situation SIRENE ou votre extrait Kbis.",
            _ => null,
        };
        if (siretError is not null)
        {
            errors["Siret"] = siretError;
            return new Result(null, errors);
        }

        var existing = await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Siret == siret, cancellationToken);
        if (existing is not null)
        {
            if (errors.Count > 0) return new Result(null, errors);
            // Managed already: the request becomes a rattachement. Listed (from the directory) but managed by nobody:
            // this user creates the account and becomes its gestionnaire principal.
            var managed = await db.HasManagerAsync(existing.Id, cancellationToken);
            return new Result(new AccountRequestDraft
            {
                LoginEmail = email,
                Siret = siret,
                ExistingStructureId = managed ? existing.Id : null,
                IsPublic = existing.IsPublic,
                CategorieJuridique = existing.CategorieJuridique,
                RaisonSociale = existing.RaisonSociale,
                AddressLine = existing.AddressLine,
                AddressComplement = existing.AddressComplement,
                PostalCode = existing.PostalCode,
                City = existing.City,
                CountryCode = existing.CountryCode,
                ContactEmail = email,
            }, errors);
        }

        var lookup = await sirene.FindEtablissementAsync(siret, cancellationToken);
        switch (lookup.Status)
        {
            case SireneLookupStatus.NotFound:
                errors["Siret"] = $"Le SIRET {siret} est introuvable dans la base SIRENE de l'INSEE. Vérifiez le numéro ; une entreprise créée depuis moins d'une semaine peut ne pas y figurer encore.";
                break;
            case SireneLookupStatus.Unavailable:
                errors["Siret"] = $"La base SIRENE ne peut pas vérifier le SIRET {siret} pour le moment. Réessayez dans quelques minutes.";
                break;
            case SireneLookupStatus.Found when lookup.Etablissement is { IsActive: false } or { UniteLegaleIsActive: false }:
                errors["Siret"] = $"L'établissement de SIRET {siret} est fermé dans la base SIRENE. Saisissez le SIRET d'un établissement actif de votre structure (par exemple celui du siège).";
                break;
        }
        if (errors.Count > 0) return new Result(null, errors);

        var e = lookup.Etablissement!;
        return new Result(new AccountRequestDraft
        {
            LoginEmail = email,
            Siret = siret,
            IsPublic = e.IsPublicLaw,
            NonDiffusible = e.PartiallyDiffusible,
            CategorieJuridique = e.CategorieJuridique,
            RaisonSociale = e.RaisonSociale,
            AddressLine = e.AddressLine,
            AddressComplement = e.AddressComplement,
            PostalCode = e.PostalCode,
            City = e.City,
            CountryCode = e.CountryCode,
            ContactEmail = email,
        }, errors);
    }
}
