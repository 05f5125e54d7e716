namespace Cantate.Web.Hosting;

/// <summary>Countries offered in address forms (ISO 3166-1 alpha-2), France first.</summary>
public static class Countries
{
    public static IReadOnlyList<(string Code, string Name)> Common { get; } =
    [
        ("FR", "France"), ("DE", "Allemagne"), ("AT", "Autriche"), ("BE", "Belgique"), ("BG", "Bulgarie"), ("CY", "Chypre"),
        ("HR", "Croatie"), ("DK", "Danemark"), ("ES", "Espagne"), ("EE", "Estonie"), ("FI", "Finlande"), ("GR", "Grèce"),
        ("HU", "Hongrie"), ("IE", "Irlande"), ("IT", "Italie"), ("LV", "Lettonie"), ("LT", "Lituanie"), ("LU", "Luxembourg"),
        ("MT", "Malte"), ("MC", "Monaco"), ("NL", "Pays-Bas"), ("PL", "Pologne"), ("PT", "Portugal"), ("CZ", "Tchéquie"),
        ("RO", "Roumanie"), ("SK", "Slovaquie"), ("SI", "Slovénie"), ("SE", "Suède"), ("CH", "Suisse"), ("GB", "Royaume-Uni"),
        ("NO", "Norvège"), ("US", "États-Unis"), ("CA", "Canada"),
    ];
}
