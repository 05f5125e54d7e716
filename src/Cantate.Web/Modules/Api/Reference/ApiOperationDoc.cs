namespace Cantate.Web.Modules.Api.Reference;

/// <summary>
/// One operation of the API as the reference documents it. The examples are real exchanges: a test sends every
/// request example to the platform and checks that the answer has the documented fields with the documented types.
/// </summary>
/// <param name="Family">Factures, Transverses, Structures, Utilisateurs.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">Under /cpro, e.g. "/factures/v1/deposer/flux".</param>
/// <param name="Summary">One line, in French.</param>
/// <param name="Description">What the operation does and how Cantate reads the request, in French.</param>
/// <param name="RequestExample">The JSON body, written as the named client sends it; placeholders in braces ({idFacture}) are filled by the test.</param>
/// <param name="ResponseExample">A real answer (identifiers and dates vary).</param>
/// <param name="Caller">Which technical account the example runs as: "fournisseur", "destinataire" or "valideur" (the titulaire of an A9 invoice).</param>
/// <param name="ExampleClient">The client library whose request the example reproduces, if any.</param>
public sealed record ApiOperationDoc(
    string Family,
    string Method,
    string Path,
    string Summary,
    string Description,
    string RequestExample,
    string ResponseExample,
    string Caller = "fournisseur",
    string? ExampleClient = null)
{
    public string OperationId => (Method + Path).Replace("/", "_", StringComparison.Ordinal).Replace("-", "_", StringComparison.Ordinal).TrimEnd('_');
}

/// <summary>A return code of the API and when it is given.</summary>
public sealed record ApiErrorDoc(int Code, int HttpStatus, string When);
