namespace Cantate.Invoicing.Model;

/// <summary>
/// An identifier with its optional identification scheme (the "-1" sub-element of BT-18, BT-29, BT-30,
/// BT-34, BT-46, BT-47, BT-49, BT-60, BT-61, BT-71, BT-128, BT-157).
/// </summary>
/// <param name="Value">The identifier itself.</param>
/// <param name="SchemeId">
/// The scheme: an ISO 6523 ICD code for party identifiers (<c>0009</c> = SIRET, <c>0002</c> = SIREN,
/// <c>0088</c> = GLN), an EAS code for electronic addresses (<c>0225</c>, <c>EM</c>...), a UNTDID 1153 code
/// for object identifiers. Null when absent.
/// </param>
public sealed record Identifier(string Value, string? SchemeId = null)
{
    /// <inheritdoc />
    public override string ToString() => SchemeId is null ? Value : $"{Value} ({SchemeId})";
}
