namespace Cantate.Web.Modules.Accounts.Features.CreateAccount;

/// <summary>Step 2, "Complétez les informations demandées": checks the structure and personal fields.</summary>
public static class CompleteInformation
{
    public sealed record Input(
        string? RaisonSociale, string? AddressLine, string? AddressComplement, string? PostalCode, string? City, string? CountryCode,
        string? LastName, string? FirstName, string? ContactEmail, bool DepositsPaymentRequests, bool UsesDume);

    public static (AccountRequestDraft Draft, Dictionary<string, string> Errors) Apply(AccountRequestDraft draft, Input input)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

        var updated = draft with
        {
            LastName = Clean(input.LastName),
            FirstName = Clean(input.FirstName),
            ContactEmail = Clean(input.ContactEmail) ?? draft.LoginEmail,
            DepositsPaymentRequests = input.DepositsPaymentRequests,
            UsesDume = input.UsesDume,
        };
        if (draft.ExistingStructureId is null)
        {
            var country = (Clean(input.CountryCode) ?? "FR").ToUpperInvariant();
            updated = updated with
            {
                RaisonSociale = Clean(input.RaisonSociale),
                AddressLine = Clean(input.AddressLine),
                AddressComplement = Clean(input.AddressComplement),
                PostalCode = Clean(input.PostalCode),
                City = Clean(input.City),
                CountryCode = country,
            };
            Require(errors, "RaisonSociale", updated.RaisonSociale, "la raison sociale de votre structure", 200);
            Require(errors, "AddressLine", updated.AddressLine, "l'adresse (numéro et voie)", 200);
            Require(errors, "City", updated.City, "la ville", 100);
            if (updated.AddressComplement is { Length: > 200 }) errors["AddressComplement"] = "Le complément d'adresse est trop long (200 caractères au plus).";
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
                errors["CountryCode"] = "Choisissez le pays dans la liste.";
            if (updated.PostalCode is null)
                errors["PostalCode"] = "Saisissez le code postal.";
            else if (country == "FR" && (updated.PostalCode.Length != 5 || !updated.PostalCode.All(char.IsAsciiDigit)))
                errors["PostalCode"] = $"Le code postal « {updated.PostalCode} » n'est pas valide : un code postal français comporte 5 chiffres.";
            else if (updated.PostalCode.Length > 10)
                errors["PostalCode"] = "Le code postal est trop long (10 caractères au plus).";
        }
        Require(errors, "LastName", updated.LastName, "votre nom", 100);
        Require(errors, "FirstName", updated.FirstName, "votre prénom", 100);
        var contactError = EmailAddresses.Check(updated.ContactEmail, "de contact");
        if (contactError is not null) errors["ContactEmail"] = contactError;

        return (errors.Count == 0 ? updated with { InformationComplete = true } : updated, errors);
    }

    private static void Require(Dictionary<string, string> errors, string field, string? value, string what, int maxLength)
    {
        if (value is null) errors[field] = $"Saisissez {what}.";
        else if (value.Length > maxLength) errors[field] = $"Ce champ est trop long ({maxLength} caractères au plus).";
    }
}
