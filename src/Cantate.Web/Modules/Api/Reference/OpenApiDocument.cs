using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cantate.Web.Modules.Api.Reference;

/// <summary>
/// The OpenAPI 3.1 document of the API, built from <see cref="ApiCatalogue"/>: paths, security (OAuth 2.0 client
/// credentials and the cpro-account header), request and response schemas inferred from the examples, and the
/// examples themselves.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/api/openapi.json";

    private static readonly Lazy<string> Json = new(() => Build().ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    public static IResult Serve() => Results.Text(Json.Value, "application/json; charset=utf-8");

    public static JsonObject Build()
    {
        var paths = new JsonObject
        {
            ["/api/oauth/token"] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = "token",
                    ["tags"] = new JsonArray("Passerelle"),
                    ["summary"] = "Obtenir un jeton d'accès (OAuth 2.0 client_credentials)",
                    ["description"] = ApiCatalogue.TokenDescription,
                    ["security"] = new JsonArray(),
                    ["requestBody"] = new JsonObject
                    {
                        ["required"] = true,
                        ["content"] = new JsonObject
                        {
                            ["application/x-www-form-urlencoded"] = new JsonObject
                            {
                                ["schema"] = Schema(JsonNode.Parse("""{"grant_type":"client_credentials","client_id":"cantate-…","client_secret":"…","scope":"openid"}""")),
                                ["example"] = "grant_type=client_credentials&client_id=…&client_secret=…&scope=openid",
                            },
                        },
                    },
                    ["responses"] = new JsonObject
                    {
                        ["200"] = Response("Jeton émis", ApiCatalogue.TokenResponseExample),
                        ["400"] = Response("Requête invalide (invalid_request, unsupported_grant_type)", """{"error":"unsupported_grant_type","error_description":"…"}"""),
                        ["401"] = Response("Application inconnue ou secret incorrect (invalid_client)", """{"error":"invalid_client","error_description":"…"}"""),
                        ["429"] = Response("Trop de demandes depuis cette adresse", null),
                    },
                },
            },
        };
        foreach (var operation in ApiCatalogue.Operations)
        {
            var path = "/cpro" + operation.Path;
            var item = paths[path] as JsonObject ?? new JsonObject();
            paths[path] = item;
            var op = new JsonObject
            {
                ["operationId"] = operation.OperationId,
                ["tags"] = new JsonArray(operation.Family),
                ["summary"] = operation.Summary,
                ["description"] = operation.Description,
                ["parameters"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/cproAccount" }),
                ["responses"] = new JsonObject
                {
                    ["200"] = Response("Succès : codeRetour 0", operation.ResponseExample),
                    ["400"] = new JsonObject { ["$ref"] = "#/components/responses/Erreur" },
                    ["401"] = new JsonObject { ["$ref"] = "#/components/responses/Erreur" },
                    ["403"] = new JsonObject { ["$ref"] = "#/components/responses/Erreur" },
                    ["429"] = new JsonObject { ["$ref"] = "#/components/responses/Erreur" },
                },
            };
            if (operation.Method == "POST")
            {
                op["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject
                    {
                        ["application/json"] = new JsonObject
                        {
                            ["schema"] = Schema(JsonNode.Parse(operation.RequestExample)),
                            ["example"] = JsonNode.Parse(operation.RequestExample),
                        },
                    },
                };
            }
            item[operation.Method.ToLowerInvariant()] = op;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Cantate : API compatible Chorus Pro",
                ["version"] = "1.0.0",
                ["description"] = ApiCatalogue.Introduction,
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["security"] = new JsonArray(new JsonObject { ["oauth2"] = new JsonArray("openid") }),
            ["tags"] = new JsonArray([.. ApiCatalogue.Families.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["description"] = f.Description })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["oauth2"] = new JsonObject
                    {
                        ["type"] = "oauth2",
                        ["flows"] = new JsonObject
                        {
                            ["clientCredentials"] = new JsonObject { ["tokenUrl"] = "/api/oauth/token", ["scopes"] = new JsonObject { ["openid"] = "Accès à l'API" } },
                        },
                    },
                },
                ["parameters"] = new JsonObject
                {
                    ["cproAccount"] = new JsonObject
                    {
                        ["name"] = "cpro-account",
                        ["in"] = "header",
                        ["required"] = true,
                        ["description"] = "base64(identifiant:mot de passe) du compte technique de la structure pour laquelle l'appel agit.",
                        ["schema"] = new JsonObject { ["type"] = "string" },
                    },
                },
                ["responses"] = new JsonObject
                {
                    ["Erreur"] = Response("Erreur : codeRetour non nul et libellé en français qui nomme le champ et la correction",
                        """{"codeRetour":20100,"libelle":"Le champ « idFacture » doit être un nombre entier (reçu : \"abc\")."}"""),
                },
                ["x-codes-retour"] = new JsonArray([.. ApiCatalogue.Errors.Select(e => (JsonNode)new JsonObject
                {
                    ["codeRetour"] = e.Code, ["http"] = e.HttpStatus, ["quand"] = e.When,
                })]),
            },
        };
    }

    private static JsonObject Response(string description, string? example)
    {
        var response = new JsonObject { ["description"] = description };
        if (example is not null)
        {
            response["content"] = new JsonObject
            {
                ["application/json"] = new JsonObject { ["schema"] = Schema(JsonNode.Parse(example)), ["example"] = JsonNode.Parse(example) },
            };
        }
        return response;
    }

    /// <summary>A JSON Schema that the example satisfies: the types of its fields, recursively.</summary>
    public static JsonObject Schema(JsonNode? example, string name = "") => example switch
    {
        JsonObject o => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject([.. o.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Schema(p.Value, p.Key)))]),
        },
        JsonArray a => new JsonObject { ["type"] = "array", ["items"] = a.Count > 0 ? Schema(a[0], name) : new JsonObject() },
        JsonValue v when v.GetValueKind() == JsonValueKind.String => new JsonObject { ["type"] = "string" },
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => new JsonObject { ["type"] = IsCount(name) ? "integer" : "number" },
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new JsonObject { ["type"] = "boolean" },
        _ => new JsonObject(),
    };

    // Identifiers, counters and codes are integers; amounts, quantities and rates are numbers.
    private static bool IsCount(string name) =>
        name.StartsWith("id", StringComparison.Ordinal) || name.StartsWith("nb", StringComparison.Ordinal) || name.StartsWith("page", StringComparison.Ordinal)
        || name.EndsWith("Id", StringComparison.Ordinal) || name is "codeRetour" or "total" or "pages" or "statusCodeValue" or "expires_in" or "lignePosteNumero"
        || name.StartsWith("nombre", StringComparison.Ordinal) || name.StartsWith("identifiantFacture", StringComparison.Ordinal);
}
