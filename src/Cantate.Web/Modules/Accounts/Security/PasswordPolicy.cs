using System.Reflection;

namespace Cantate.Web.Modules.Accounts.Security;

/// <summary>
/// What a password must be: at least 12 characters, not one of the commonly used passwords (the list of
/// zxcvbn-ts, MIT), and not built from the login address.
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    /// <summary>Returns a French message saying what is wrong, or null when the password is acceptable.</summary>
    public string? Check(string? password, string? loginEmail)
    {
        if (string.IsNullOrEmpty(password)) return "Saisissez un mot de passe.";
        if (password.Length < MinimumLength)
            return $"Le mot de passe doit contenir au moins {MinimumLength} caractères (il en contient {password.Length}).";
        if (password.Length > MaximumLength)
            return $"Le mot de passe doit contenir au plus {MaximumLength} caractères.";
        var lower = password.ToLowerInvariant();
        if (password.Distinct().Count() < 4)
            return "Le mot de passe répète trop peu de caractères différents : choisissez-en un plus varié.";
        var stripped = lower.TrimEnd("0123456789!?.,;:-_*#@$%&+= ".ToCharArray());
        if (Common.Value.Contains(lower) || (stripped.Length > 0 && Common.Value.Contains(stripped)))
            return "Ce mot de passe fait partie des mots de passe les plus utilisés : choisissez-en un autre, par exemple une phrase de plusieurs mots.";
        var local = loginEmail?.Split('@')[0].ToLowerInvariant();
        if (!string.IsNullOrEmpty(local) && local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal))
            return "Le mot de passe ne doit pas contenir votre adresse électronique.";
        return null;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cantate.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set;
    }
}
