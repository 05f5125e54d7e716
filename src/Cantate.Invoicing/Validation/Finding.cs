namespace Cantate.Invoicing.Validation;

/// <summary>How serious a finding is. Only <see cref="Fatal"/> findings make an invoice invalid.</summary>
public enum FindingSeverity
{
    /// <summary>The invoice breaks the rule and must be refused.</summary>
    Fatal,

    /// <summary>The invoice is accepted; the finding is advice.</summary>
    Warning,
}

/// <summary>One broken rule.</summary>
/// <param name="Rule">Rule id as in the official artefacts (<c>BR-CO-10</c>, <c>UBL-SR-12</c>...) or a pseudo id (<c>XML-WF</c>, <c>XSD-cvc-...</c>).</param>
/// <param name="Severity">Fatal or warning.</param>
/// <param name="BusinessTerm">The EN 16931 business term or group concerned (<c>BT-106</c>, <c>BG-23</c>), or empty.</param>
/// <param name="Location">An XPath to the element concerned (for a PDF: inside the attached XML).</param>
/// <param name="MessageFr">What is wrong, in French, with the values that disagree.</param>
/// <param name="MessageEn">The same in English.</param>
public sealed record Finding(
    string Rule,
    FindingSeverity Severity,
    string BusinessTerm,
    string Location,
    string MessageFr,
    string MessageEn)
{
    /// <summary><c>fatal</c> or <c>warning</c>.</summary>
    public string SeverityName => Severity == FindingSeverity.Fatal ? "fatal" : "warning";
}
