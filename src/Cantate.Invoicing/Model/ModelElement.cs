namespace Cantate.Invoicing.Model;

/// <summary>
/// Base of every business group (BG) of the model: remembers where the group was read from, so that
/// a validator can point at the offending element.
/// </summary>
public abstract class ModelElement
{
    /// <summary>
    /// XPath-like location of the XML element the group was read from, for example
    /// <c>/ubl:Invoice[1]/cac:InvoiceLine[2]</c> or
    /// <c>/rsm:CrossIndustryInvoice[1]/rsm:SupplyChainTradeTransaction[1]/ram:IncludedSupplyChainTradeLineItem[2]</c>.
    /// Null for groups built in code. Never compared and never written.
    /// </summary>
    public string? SourcePath { get; set; }
}
