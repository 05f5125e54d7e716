using Cantate.Sirene;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Referentiel;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/transverses/v1/rechercher/destinataire</c>: the public structures that receive invoices (active in
/// the annuaire), by <c>identifiant</c> (SIRET) and <c>nomVilleCodePostal</c> (digits: a postal code prefix;
/// otherwise a case- and accent-insensitive part of the name or the city). <c>typeStructure</c> PRIVEE finds none:
/// only public structures receive invoices on the platform. Pages of 10 by default, 200 at most
/// (<c>parametresRecherche</c>), by name. go reads <c>siret</c>, the Swagger names it <c>identifiant</c>: both come.
/// </summary>
public sealed class SearchRecipients(CantateDbContext db)
{
    private static readonly string[] Kinds = ["PUBLIQUE", "PRIVEE"];

    public async Task<IResult> HandleAsync(CproRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = CproPage.Read(request.Child("parametresRecherche", "parametres"), SearchStructures.DefaultPageSize, SearchStructures.MaxPageSize);
        var recipients = db.Structures.Where(s => s.IsPublic && s.IsActive);
        if (CproChoices.One(request, "typeStructure", Kinds) == "PRIVEE") recipients = recipients.Where(s => false);
        if (request.Text("identifiant", "siret") is { } identifier)
        {
            var siret = SiretRules.Normalize(identifier);
            recipients = recipients.Where(s => s.Siret == siret);
        }
        if (request.Text("nomVilleCodePostal") is { } text)
        {
            var compact = SiretRules.Normalize(text);
            var folded = FoldedSearch.Fold(text);
            if (compact.All(char.IsAsciiDigit)) recipients = recipients.WithPostalCodeStartingWith(compact);
            else if (folded.Length > 0)
            {
                recipients = recipients.Where(FoldedSearch.Or(FoldedSearch.ContainsFolded<Structure>(s => s.RaisonSociale, folded),
                    FoldedSearch.ContainsFolded<Structure>(s => s.City, folded)));
            }
        }
        var found = recipients.OrderBy(s => s.RaisonSociale).ThenBy(s => s.Siret)
            .Select(s => new { s.CppId, s.Siret, s.RaisonSociale, s.NonDiffusible, s.PostalCode, s.City });
        var (rows, total) = await page.ReadAsync(found, cancellationToken);
        return CproResults.Ok(new
        {
            listeDestinataires = rows.Select(s => new
            {
                idStructureCPP = s.CppId,
                siret = s.Siret,
                identifiant = s.Siret,
                nomDestinataire = s.RaisonSociale,
                adresseCodePostal = s.NonDiffusible ? null : s.PostalCode,
                adresseVille = s.NonDiffusible ? null : s.City,
            }),
            parametresRetour = page.Retour(total),
        });
    }
}
