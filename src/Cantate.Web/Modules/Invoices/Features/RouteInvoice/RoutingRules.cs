using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.RouteInvoice;

/// <summary>A problem found while checking an invoice, named like a validation finding so both read the same.</summary>
public sealed record DepositProblem(string Rule, string BusinessTerm, string Location, string Message);

/// <summary>
/// The routing rules of the directory of public structures: the recipient must be known and active; the
/// service code and the engagement juridique must be given when the structure or the service requires them.
/// The directory is read once per recipient and service within a scope (one request, one outbox batch): a batch of
/// invoices to one recipient costs one lookup, and every invoice of it is judged on the same state of the directory.
/// </summary>
public sealed class RoutingRules(CantateDbContext db)
{
    private readonly Dictionary<string, Structure?> _recipients = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid, string), StructureService?> _services = [];

    public sealed record Outcome(Structure? Recipient, IReadOnlyList<DepositProblem> Problems);

    public async Task<Outcome> CheckAsync(string? recipientSiret, string? serviceCode, string? engagementNumber, CancellationToken cancellationToken)
    {
        var problems = new List<DepositProblem>();
        if (string.IsNullOrWhiteSpace(recipientSiret))
        {
            problems.Add(new("ROUTAGE-DESTINATAIRE", "BT-47", "", "Le SIRET du destinataire (BT-47, schéma 0009) est absent : indiquez le SIRET de la structure publique à qui la facture est adressée."));
            return new Outcome(null, problems);
        }
        if (!_recipients.TryGetValue(recipientSiret, out var recipient))
        {
            recipient = await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Siret == recipientSiret && s.IsPublic, cancellationToken);
            _recipients[recipientSiret] = recipient;
        }
        if (recipient is null)
        {
            problems.Add(new("ROUTAGE-DESTINATAIRE-INCONNU", "BT-47", "",
                $"Le destinataire de SIRET {recipientSiret} n'est pas une structure publique de l'annuaire. Vérifiez le SIRET de votre client public dans l'annuaire des structures publiques."));
            return new Outcome(null, problems);
        }
        if (!recipient.IsActive)
        {
            problems.Add(new("ROUTAGE-DESTINATAIRE-INACTIF", "BT-47", "",
                $"La structure {recipient.RaisonSociale} (SIRET {recipientSiret}) ne reçoit plus de factures. Demandez à votre client public la structure à laquelle adresser la facture."));
            return new Outcome(recipient, problems);
        }

        StructureService? service = null;
        if (!string.IsNullOrWhiteSpace(serviceCode) && !_services.TryGetValue((recipient.Id, serviceCode), out service))
        {
            service = await db.StructureServices.AsNoTracking().FirstOrDefaultAsync(s => s.StructureId == recipient.Id && s.Code == serviceCode, cancellationToken);
            _services[(recipient.Id, serviceCode)] = service;
        }
        var hasService = !string.IsNullOrWhiteSpace(serviceCode);
        var hasEngagement = !string.IsNullOrWhiteSpace(engagementNumber);
        if (hasService && service is null)
            problems.Add(new("ROUTAGE-SERVICE-INCONNU", "BT-10", "",
                $"Le code service « {serviceCode} » n'existe pas chez {recipient.RaisonSociale}. Consultez la liste de ses services dans l'annuaire."));
        else if (service is { IsActive: false })
            problems.Add(new("ROUTAGE-SERVICE-INACTIF", "BT-10", "",
                $"Le service « {serviceCode} » de {recipient.RaisonSociale} ne reçoit plus de factures. Choisissez un service actif."));
        if (recipient.ServiceCodeRequired && !hasService)
            problems.Add(new("ROUTAGE-SERVICE-OBLIGATOIRE", "BT-10", "",
                $"{recipient.RaisonSociale} exige un code service (BT-10, référence acheteur) : indiquez le code du service qui a passé la commande."));
        if (recipient.EngagementRequired && !hasEngagement)
            problems.Add(new("ROUTAGE-EJ-OBLIGATOIRE", "BT-13", "",
                $"{recipient.RaisonSociale} exige un numéro d'engagement juridique (BT-13, référence de commande) : il figure sur le bon de commande."));
        if (service is { EngagementRequired: true } && !hasEngagement && !recipient.EngagementRequired)
            problems.Add(new("ROUTAGE-EJ-OBLIGATOIRE-SERVICE", "BT-13", "",
                $"Le service « {serviceCode} » exige un numéro d'engagement juridique (BT-13, référence de commande)."));
        if (recipient.ServiceOrEngagementRequired && !hasService && !hasEngagement)
            problems.Add(new("ROUTAGE-SERVICE-OU-EJ", "BT-10", "",
                $"{recipient.RaisonSociale} exige un code service (BT-10) ou un numéro d'engagement juridique (BT-13) : indiquez au moins l'un des deux."));
        return new Outcome(recipient, problems);
    }
}
