using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The reform's rules on the identifiers of every party the extended French model carries (FNFE-MPE France_RFE
/// Schematrons v1.4.0): a SIRET starts with its party's SIREN (BR-FR-09), electronic addresses with scheme 0225 use
/// letters, digits and + - _ . only (BR-FR-23) and are at most 125 characters (BR-FR-25), private identifiers with
/// scheme 0224 follow the same format (BR-FR-24) within 100 characters (BR-FR-26), and a party identifier carries a
/// scheme, each scheme at most once (BR-FR-CO-10).
/// </summary>
internal static partial class FrenchRules
{
    /// <summary>
    /// A party of the reform: its identifier term (BR-FR-09, BR-FR-CO-10), its electronic address term (BR-FR-23,
    /// BR-FR-25, null when the party has none) and whether a missing SIREN is taken from the SIRET (all but the
    /// seller and the buyer).
    /// </summary>
    private sealed record ReformParty(string IdTerm, string? AddressTerm, bool SirenFromSiret, XName[] Cii, XName[]? Ubl);

    private static readonly ReformParty[] ReformParties =
    [
        new("BT-29", "BT-34", false, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeAgreement", "ram:SellerTradeParty"), P("cac:AccountingSupplierParty", "cac:Party")),
        new("BT-46", "BT-49", false, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeAgreement", "ram:BuyerTradeParty"), P("cac:AccountingCustomerParty", "cac:Party")),
        new("BT-60", "EXT-FR-FE-29", true, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:PayeeTradeParty"), P("cac:PayeeParty")),
        new("EXT-FR-FE-06", "EXT-FR-FE-12", true, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeAgreement", "ram:BuyerAgentTradeParty"), P("cac:AccountingCustomerParty", "cac:Party", "cac:AgentParty")),
        new("EXT-FR-FE-46", "EXT-FR-FE-52", true, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:PayerTradeParty"), P("cac:PaymentMeans", "cac:PaymentMandate", "cac:PayerParty")),
        new("EXT-FR-FE-69", "EXT-FR-FE-75", true, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeAgreement", "ram:SalesAgentTradeParty"), P("cac:AccountingSupplierParty", "cac:Party", "cac:AgentParty")),
        new("EXT-FR-FE-92", "EXT-FR-FE-98", true, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:InvoiceeTradeParty"), P("cac:AccountingCustomerParty", "cac:Party", "cac:ServiceProviderParty", "cac:Party")),
        new("EXT-FR-FE-115", "EXT-FR-FE-121", true, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:InvoicerTradeParty"), P("cac:AccountingSupplierParty", "cac:Party", "cac:ServiceProviderParty", "cac:Party")),

        // The UBL binding of the delivery parties has its own shape (cac:DeliveryLocation), checked apart.
        new("BT-71", null, true, P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeDelivery", "ram:ShipToTradeParty"), null),
    ];

    private static readonly XName[] LineShipTo = P("ram:SpecifiedLineTradeDelivery", "ram:ShipToTradeParty");

    private static readonly FrozenDictionary<string, RuleDefinition> SiretRules = ReformParties.Select(p => p.IdTerm).Append("EXT-FR-FE-146")
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-09_" + t, t, $"Le SIRET ({t} = {{0}}) doit compter 14 chiffres et commencer par le SIREN de la partie ({{1}}).", $"The SIRET ({t} = {{0}}) shall have 14 digits and start with the party's SIREN ({{1}})."),
            StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RuleDefinition> AddressFormatRules = ReformParties.Select(p => p.AddressTerm).OfType<string>()
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-23_" + t, t, $"L'adresse électronique de schéma 0225 ({t} = {{0}}) ne doit contenir que des lettres, des chiffres et les caractères + - _ .", $"The electronic address with scheme 0225 ({t} = {{0}}) shall contain only letters, digits and the characters + - _ ."),
            StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RuleDefinition> AddressLengthRules = ReformParties.Select(p => p.AddressTerm).OfType<string>()
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-25_" + t, t, $"L'adresse électronique ({t} = {{0}}) dépasse 125 caractères.", $"The electronic address ({t} = {{0}}) is longer than 125 characters."),
            StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RuleDefinition> PrivateIdRules = new[] { "BT-29", "BT-46" }
        .SelectMany(t => new[]
        {
            Fatal("BR-FR-24_" + t, t, $"L'identifiant privé de schéma 0224 ({t} = {{0}}) ne doit contenir que des lettres, des chiffres et les caractères + - _ .", $"The private identifier with scheme 0224 ({t} = {{0}}) shall contain only letters, digits and the characters + - _ ."),
            Fatal("BR-FR-26_" + t, t, $"L'identifiant privé de schéma 0224 ({t} = {{0}}) dépasse 100 caractères.", $"The private identifier with scheme 0224 ({t} = {{0}}) is longer than 100 characters."),
        })
        .ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RuleDefinition> SchemeUniqueRules = ReformParties.Select(p => p.IdTerm).Append("EXT-FR-FE-146")
        .SelectMany(t => new[]
        {
            Fatal($"BR-FR-CO-10_{t}-1", t, $"L'identifiant ({t} = {{0}}) doit avoir un identifiant de schéma.", $"The identifier ({t} = {{0}}) shall have a scheme identifier."),
            Fatal($"BR-FR-CO-10_{t}-2", t, $"Le schéma {{0}} apparaît plusieurs fois dans les identifiants de la partie ({t}) : chaque schéma une seule fois.", $"Scheme {{0}} occurs more than once in the party identifiers ({t}): each scheme once at most."),
        })
        .ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    private static void CheckParties(RuleRun run)
    {
        var v = run.View;
        var ubl = v.IsUbl;
        foreach (var party in ReformParties)
        {
            var path = ubl ? party.Ubl : party.Cii;
            if (path is null)
            {
                continue;
            }

            foreach (var node in Select(v.Root, path))
            {
                CheckParty(run, node, party, ubl);
            }
        }

        if (ubl)
        {
            CheckUblDeliveryLocation(run);
            return;
        }

        var lineParty = new ReformParty("EXT-FR-FE-146", null, true, LineShipTo, null);
        foreach (var node in v.Root.Elements(Transaction).Elements(LineItem).SelectMany(l => Select(l, LineShipTo)))
        {
            CheckParty(run, node, lineParty, ubl);
        }
    }

    private static void CheckParty(RuleRun run, XElement node, ReformParty party, bool ubl)
    {
        var ids = ubl
            ? node.Elements(Namespaces.Cac + "PartyIdentification").Elements(Namespaces.Cbc + "ID").ToList()
            : node.Elements(Namespaces.Ram + "GlobalID").ToList();
        var legal = ubl
            ? node.Elements(Namespaces.Cac + "PartyLegalEntity").Elements(Namespaces.Cbc + "CompanyID")
            : node.Elements(Namespaces.Ram + "SpecifiedLegalOrganization").Elements(Namespaces.Ram + "ID");

        // The seller's BR-FR-09 is checked with BR-FR-10 in FrenchRules.Check.
        if (party.IdTerm != "BT-29")
        {
            CheckSiret(run, SiretRules[party.IdTerm], ids, [.. legal.Where(l => l.Attr("schemeID") == "0002")], party.SirenFromSiret);
        }

        // The UBL binding of the first four parties' BR-FR-CO-10-1 is checked in FrenchRules.Check.
        if (!ubl || party.IdTerm.StartsWith("EXT", StringComparison.Ordinal))
        {
            var unnamed = ids.FirstOrDefault(i => i.Attribute("schemeID") is null);
            run.Check(unnamed is null, SchemeUniqueRules[$"BR-FR-CO-10_{party.IdTerm}-1"], unnamed, unnamed);
        }

        var duplicate = ids.Select(i => i.Attr("schemeID")).OfType<string>().GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        run.Check(duplicate is null, SchemeUniqueRules[$"BR-FR-CO-10_{party.IdTerm}-2"], node, duplicate?.Key);

        if (party.AddressTerm is { } addressTerm)
        {
            var addresses = ubl
                ? node.Elements(Namespaces.Cbc + "EndpointID")
                : node.Elements(Namespaces.Ram + "URIUniversalCommunication").Elements(Namespaces.Ram + "URIID");
            foreach (var address in addresses)
            {
                if (address.Attr("schemeID") == "0225")
                {
                    run.Check(IsSchemeIdFormat(address.Value), AddressFormatRules[addressTerm], address, address);
                }

                run.Check(address.Value.Length <= 125, AddressLengthRules[addressTerm], address, address);
            }
        }

        if (party.IdTerm is "BT-29" or "BT-46")
        {
            foreach (var id in ids.Where(i => i.Attr("schemeID") == "0224"))
            {
                run.Check(IsSchemeIdFormat(id.Value), PrivateIdRules["BR-FR-24_" + party.IdTerm], id, id);
                run.Check(id.Value.Length <= 100, PrivateIdRules["BR-FR-26_" + party.IdTerm], id, id);
            }
        }
    }

    /// <summary>BT-71 in UBL: the delivery location identifier, with the SIREN of the delivery party.</summary>
    private static void CheckUblDeliveryLocation(RuleRun run)
    {
        var cac = Namespaces.Cac;
        foreach (var delivery in run.View.Root.Elements(cac + "Delivery"))
        {
            var ids = delivery.Elements(cac + "DeliveryLocation").Elements(Namespaces.Cbc + "ID").ToList();
            var legal = delivery.Elements(cac + "DeliveryParty").Elements(cac + "PartyLegalEntity").Elements(Namespaces.Cbc + "CompanyID").Where(l => l.Attr("schemeID") == "0002").ToList();
            CheckSiret(run, SiretRules["BT-71"], ids, legal, sirenFromSiret: true);
            foreach (var location in delivery.Elements(cac + "DeliveryLocation"))
            {
                CheckLocationSchemes(run, location, "BT-71", unnamedChecked: true);
            }
        }

        // EXT-FR-FE-146 in UBL: the line delivery location (its BR-FR-09 context, nested twice, matches nothing).
        foreach (var location in run.View.Lines.Select(l => l.Node).Elements(cac + "Delivery").Elements(cac + "DeliveryLocation"))
        {
            CheckLocationSchemes(run, location, "EXT-FR-FE-146", unnamedChecked: false);
        }
    }

    private static void CheckLocationSchemes(RuleRun run, XElement location, string term, bool unnamedChecked)
    {
        var ids = location.Elements(Namespaces.Cbc + "ID").ToList();
        if (!unnamedChecked)
        {
            var unnamed = ids.FirstOrDefault(i => i.Attribute("schemeID") is null);
            run.Check(unnamed is null, SchemeUniqueRules[$"BR-FR-CO-10_{term}-1"], unnamed, unnamed);
        }

        var duplicate = ids.Select(i => i.Attr("schemeID")).OfType<string>().GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        run.Check(duplicate is null, SchemeUniqueRules[$"BR-FR-CO-10_{term}-2"], location, duplicate?.Key);
    }

    /// <summary>
    /// The FNFE <c>custom:check-siret-siren-coherence</c> on the first SIRET (scheme 0009): 14 digits starting with the
    /// party's SIREN (scheme 0002), or, where the rule allows it, with its own first nine digits when no SIREN is given.
    /// </summary>
    private static void CheckSiret(RuleRun run, RuleDefinition rule, List<XElement> ids, List<XElement> sirens, bool sirenFromSiret)
    {
        var siret = ids.FirstOrDefault(i => i.Attr("schemeID") == "0009");
        if (siret is null)
        {
            return;
        }

        var value = siret.Value;
        var valid = value.Length == 14 && value.All(char.IsAsciiDigit);
        var prefix = value.Length >= 9 ? value[..9] : value;
        var sirenValues = sirens.Count > 0 && sirens[0].Value.Length > 0 ? sirens.Select(s => s.Value).ToList()
            : sirenFromSiret ? [prefix]
            : [];
        run.Check(valid && sirenValues.Contains(prefix, StringComparer.Ordinal), rule, siret, siret, sirenValues.FirstOrDefault());
    }

    /// <summary>The FNFE <c>custom:is-valid-schemeid-format</c> (v1.3.1 and later): letters, digits and + - _ . only.</summary>
    private static bool IsSchemeIdFormat(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.');
}
