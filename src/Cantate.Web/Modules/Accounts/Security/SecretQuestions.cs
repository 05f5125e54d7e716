using System.Globalization;
using System.Text;

namespace Cantate.Web.Modules.Accounts.Security;

/// <summary>The secret questions offered at activation, and how answers are compared.</summary>
public static class SecretQuestions
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        ("PREMIER_ANIMAL", "Quel était le nom de votre premier animal de compagnie ?"),
        ("VILLE_NAISSANCE_PARENT", "Dans quelle ville est né l'un de vos parents ?"),
        ("ECOLE_PRIMAIRE", "Quel était le nom de votre école primaire ?"),
        ("AMI_ENFANCE", "Quel est le prénom de votre meilleur ami d'enfance ?"),
        ("PREMIERE_VOITURE", "Quel était le modèle de votre première voiture ?"),
        ("RUE_ENFANCE", "Dans quelle rue avez-vous grandi ?"),
    ];

    public static string? LabelOf(string? code) => All.FirstOrDefault(q => q.Code == code).Label;

    /// <summary>Case, accents, punctuation and extra spaces do not matter: "  Médor " equals "medor".</summary>
    public static string NormalizeAnswer(string? answer)
    {
        var decomposed = (answer ?? string.Empty).Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace && builder.Length > 0)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }
        return builder.ToString().TrimEnd();
    }
}
