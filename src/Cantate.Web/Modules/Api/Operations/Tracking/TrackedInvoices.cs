using System.Globalization;
using Cantate.Invoicing.Model;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Invoice = Cantate.Web.Modules.Invoices.Invoice;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// The invoice a technical account names by its API id (identifiantFactureCPP, also called idFacture: one id space
/// for both sides). An invoice of another structure, or not yet available to its recipient, answers exactly as an
/// unknown id does (20000), so that ids cannot be probed.
/// </summary>
public sealed class TrackedInvoices(InvoiceActions actions)
{
    public async Task<InvoiceActions.Viewed> FindAsync(CproCaller caller, CproRequest request, InvoiceSide? side, CancellationToken cancellationToken,
        params string[] idFields)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var id = IdOf(request, idFields);
        var viewed = id <= int.MaxValue ? await actions.FindForStructureAsync(caller.StructureId, (int)id, side, cancellationToken) : null;
        return viewed ?? throw NotFound(id);
    }

    /// <summary>The positive id in the first of these fields that carries one; a missing id names the field to send.</summary>
    public static long IdOf(CproRequest request, params string[] idFields)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(idFields);
        var id = request.Id(idFields) ?? throw request.Missing(idFields[0], "l'identifiant de la facture (identifiantFactureCPP, rendu par la recherche)");
        return id > 0 ? id : throw NotFound(id);
    }

    public static CproException NotFound(long id) => new(CproCodes.InvoiceNotFound, string.Create(CultureInfo.InvariantCulture,
        $"GDP_MSG_11.008 La demande de paiement {id} n'existe pas ou n'est pas accessible à votre structure : vérifiez l'identifiant (identifiantFactureCPP ou idFacture) rendu par la recherche."));
}

/// <summary>The Chorus Pro names of what Cantate keeps on an invoice.</summary>
public static class ChorusNames
{
    private static readonly TimeZoneInfo Paris = FindParis();

    private static readonly string[] Cadres =
    [
        "A1_FACTURE_FOURNISSEUR", "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE", "A3_MEMOIRE_JUSTICE", "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",
        "A5_ETAT_ACOMPTE_FOURNISSEUR", "A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR", "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR",
        "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR", "A9_FACTURE_SOUSTRAITANT", "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT",
        "A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT", "A12_FACTURE_COTRAITANT", "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT",
        "A14_PROJET_DECOMPTE_FINAL_COTRAITANT", "A15_ETAT_ACOMPTE_MOE", "A16_ETAT_ACOMPTE_VALIDE_MOE", "A17_PROJET_DECOMPTE_GENERAL_MOE",
        "A18_DECOMPTE_GENERAL_MOE", "A19_ETAT_ACOMPTE_VALIDE_MOA", "A20_DECOMPTE_GENERAL_MOA", "A21_DEMANDE_REMBOURSEMENT_TIC",
        "A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE", "A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR",
        "A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE", "A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE",
    ];

    /// <summary>The credit-note type codes (BT-3): such an invoice is an AVOIR.</summary>
    public static IReadOnlyCollection<string> CreditNoteCodes { get; } = InvoiceTypeCodes.CreditNoteCodes.ToList();

    /// <summary>typeFacture: FACTURE or AVOIR.</summary>
    public static string TypeFacture(Invoice invoice) =>
        InvoiceTypeCodes.CreditNoteCodes.Contains(invoice?.TypeCode ?? string.Empty) ? "AVOIR" : "FACTURE";

    /// <summary>codeCadreFacturation of a cadre kept as "A1"; the stored value when it is not one of Chorus Pro's.</summary>
    public static string Cadre(string cadre) => Cadres.FirstOrDefault(c => c.StartsWith(cadre + "_", StringComparison.Ordinal)) ?? cadre;

    /// <summary>The short cadre ("A1") of a code a client sends ("A1_FACTURE_FOURNISSEUR" or "A1").</summary>
    public static string ShortCadre(string code) => code.Split('_', 2)[0].ToUpperInvariant();

    /// <summary>The UTC instant at which this day starts in Paris: periods on instants are French calendar days.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Paris);

    private static TimeZoneInfo FindParis()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
