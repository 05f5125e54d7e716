namespace Cantate.Invoicing.Model;

/// <summary>BG-16 Payment instructions.</summary>
public sealed class PaymentInstructions : ModelElement
{
    /// <summary>BT-81 Payment means type code (UNTDID 4461: <c>30</c> credit transfer, <c>58</c> SEPA credit transfer, <c>49</c> direct debit...). Mandatory.</summary>
    public string? MeansCode { get; set; }

    /// <summary>BT-82 Payment means text.</summary>
    public string? MeansText { get; set; }

    /// <summary>BT-83 Remittance information (the reference the payer quotes with the payment).</summary>
    public string? RemittanceInformation { get; set; }

    /// <summary>BG-17 Credit transfers (one per account the payer may use).</summary>
    public IList<CreditTransfer> CreditTransfers { get; init; } = [];

    /// <summary>BG-18 Payment card information.</summary>
    public PaymentCard? Card { get; set; }

    /// <summary>BG-19 Direct debit (not used by Chorus Pro).</summary>
    public DirectDebit? DirectDebit { get; set; }
}

/// <summary>BG-17 Credit transfer: an account to pay into.</summary>
public sealed class CreditTransfer : ModelElement
{
    /// <summary>BT-84 Payment account identifier (IBAN, or a proprietary account number). Mandatory.</summary>
    public string? AccountId { get; set; }

    /// <summary>BT-85 Payment account name.</summary>
    public string? AccountName { get; set; }

    /// <summary>BT-86 Payment service provider identifier (BIC).</summary>
    public string? ServiceProviderId { get; set; }
}

/// <summary>BG-18 Payment card information.</summary>
public sealed class PaymentCard : ModelElement
{
    /// <summary>BT-87 Payment card primary account number (only the last digits may be shown). Mandatory.</summary>
    public string? PrimaryAccountNumber { get; set; }

    /// <summary>BT-88 Payment card holder name.</summary>
    public string? HolderName { get; set; }
}

/// <summary>BG-19 Direct debit.</summary>
public sealed class DirectDebit : ModelElement
{
    /// <summary>BT-89 Mandate reference identifier.</summary>
    public string? MandateReference { get; set; }

    /// <summary>BT-90 Bank assigned creditor identifier (SEPA creditor id).</summary>
    public string? CreditorId { get; set; }

    /// <summary>BT-91 Debited account identifier.</summary>
    public string? DebitedAccountId { get; set; }
}
