using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Reference;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>
/// Every example of the API reference is a real exchange: its request, with the identifiers of data prepared here,
/// gets HTTP 200 and an answer that has every documented field with the documented JSON type.
/// </summary>
public sealed class ApiExamplesTests() : PortalTest(TestDatabase.Sqlite)
{
    private const string SupplierSiret = "84321765400014";
    private const string RecipientSiret = "13002526500013";

    public static TheoryData<string> Operations() => [.. ApiCatalogue.Operations.Select(o => o.OperationId)];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_documented_example_gets_the_documented_answer(string operationId)
    {
        var operation = ApiCatalogue.Operations.Single(o => o.OperationId == operationId);
        using var supplier = await CproClient.ConnectAsync(Factory, SupplierSiret);
        using var recipient = await CproClient.ConnectAsync(Factory, RecipientSiret);
        var values = await ExampleDataAsync(supplier, recipient);

        var request = JsonNode.Parse(operation.RequestExample)!;
        Substitute(request, values);
        var caller = operation.Caller == "destinataire" ? recipient : supplier;
        var response = operation.Method == "GET"
            ? await caller.GetAsync("/cpro" + operation.Path)
            : await caller.PostAsync("/cpro" + operation.Path, request.ToJsonString());

        Assert.True(response.Status == HttpStatusCode.OK, $"HTTP {(int)response.Status}: {response.Text}");
        AssertSameShape(JsonDocument.Parse(operation.ResponseExample).RootElement, response.Body, "");
    }

    /// <summary>The identifiers the examples name, as they are on this fresh platform.</summary>
    private async Task<Dictionary<string, JsonNode>> ExampleDataAsync(CproClient supplier, CproClient recipient)
    {
        var (recipientId, serviceId) = await Factory.QueryAsync(async db =>
        {
            var structure = await db.Structures.SingleAsync(s => s.Siret == RecipientSiret);
            var service = await db.StructureServices.Where(s => s.StructureId == structure.Id).Select(s => s.CppId).FirstAsync();
            return (structure.CppId, service);
        });
        Assert.NotNull(supplier);
        Assert.NotNull(recipient);
        return new Dictionary<string, JsonNode>
        {
            ["idStructureCPP"] = recipientId,
            ["idStructure"] = recipientId,
            ["idService"] = serviceId,
        };
    }

    /// <summary>Replaces, at any depth, the value of every field named in <paramref name="values"/>.</summary>
    private static void Substitute(JsonNode node, IReadOnlyDictionary<string, JsonNode> values)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (values.TryGetValue(name, out var value)) o[name] = value.DeepClone();
                    else if (child is not null) Substitute(child, values);
                }
                break;
            case JsonArray a:
                foreach (var child in a.Where(c => c is not null)) Substitute(child!, values);
                break;
        }
    }

    private static void AssertSameShape(JsonElement documented, JsonElement actual, string path)
    {
        Assert.True(Kind(documented) == Kind(actual), $"{path}: documented {documented.ValueKind}, answered {actual.ValueKind}");
        switch (documented.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in documented.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{path}.{property.Name} is documented but not answered");
                    AssertSameShape(property.Value, value, path + "." + property.Name);
                }
                break;
            case JsonValueKind.Array when documented.GetArrayLength() > 0:
                Assert.True(actual.GetArrayLength() > 0, $"{path}: the documented example has items, the answer has none");
                AssertSameShape(documented[0], actual[0], path + "[0]");
                break;
        }
    }

    private static JsonValueKind Kind(JsonElement e) => e.ValueKind == JsonValueKind.False ? JsonValueKind.True : e.ValueKind;
}
