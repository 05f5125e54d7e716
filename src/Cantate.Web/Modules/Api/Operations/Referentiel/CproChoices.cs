using Cantate.Web.Modules.Api.Gateway;

namespace Cantate.Web.Modules.Api.Operations.Referentiel;

/// <summary>
/// Request fields that take one value of a list (enums of the Chorus Pro Swagger): compared without case or
/// surrounding spaces (go writes "Ascendant "), answered with the list's own spelling. A value outside the list is a
/// <see cref="CproException"/> that names the field and the values it accepts.
/// </summary>
public static class CproChoices
{
    private static readonly string[] Languages = ["FR", "EN"];
    private static readonly string[] SortDirections = ["Ascendant", "Descendant"];

    /// <summary>The value of <paramref name="name"/> in <paramref name="allowed"/>, or null when the field is absent, null or "".</summary>
    public static string? One(CproRequest request, string name, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);
        if (request.Text(name) is not { } value) return null;
        return allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw new CproException(CproCodes.InvalidField,
                $"Le champ « {request.Qualified(name)} » doit valoir {string.Join(", ", allowed)} (reçu : « {value} »).");
    }

    /// <summary>
    /// codeLangue: absent, null, "", "fr" or "FR" (and EN) are all accepted, as oca, fe, go and php send it; the
    /// answers are in French whatever it says.
    /// </summary>
    public static void Language(CproRequest request) => One(request, "codeLangue", Languages);

    /// <summary>triSens (or go's "triSense"): Descendant or Ascendant, Ascendant when absent.</summary>
    public static bool Descending(CproRequest? parameters) =>
        parameters is not null && (One(parameters, "triSens", SortDirections) ?? One(parameters, "triSense", SortDirections)) == "Descendant";
}
