using System.Net.Mail;

namespace Cantate.Web.Modules.Accounts;

public static class EmailAddresses
{
    /// <summary>Returns a French message when the address is unusable, null otherwise.</summary>
    public static string? Check(string? email, string qualifier)
    {
        var value = email?.Trim() ?? string.Empty;
        if (value.Length == 0) return $"Saisissez votre adresse électronique {qualifier}.";
        if (value.Length > 254) return $"L'adresse électronique {qualifier} est trop longue (254 caractères au plus).";
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || !value.Contains('@', StringComparison.Ordinal)
            || value.EndsWith('.') || !value[(value.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal))
        {
            return $"L'adresse électronique {qualifier} « {value} » n'est pas valide : elle doit être de la forme nom@domaine.fr.";
        }
        return null;
    }
}
