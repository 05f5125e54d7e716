namespace Cantate.Web.Modules.Api.Reference;

public static partial class ApiCatalogue
{
    private static IEnumerable<ApiOperationDoc> InvoiceOperations =>
    [
    ];

    private static IEnumerable<ApiOperationDoc> FlowOperations =>
    [
        new("Transverses", "GET", "/transverses/v1/health-check", "Vérifier que l'API répond",
            "Répond comme Chorus Pro {body, statusCode, statusCodeValue}. Le corps de la requête est ignoré (null ou [] acceptés).",
            "{}", """{"codeRetour":0,"libelle":"TRA_MSG_00.000","body":"OK","statusCode":"OK","statusCodeValue":200}"""),
    ];
}
