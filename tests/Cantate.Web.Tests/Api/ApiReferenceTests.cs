using System.Net;
using System.Text.Json;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Reference;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Api;

/// <summary>The OpenAPI document and the reference page describe exactly the operations the platform answers.</summary>
public sealed class ApiReferenceTests() : PortalTest(TestDatabase.Sqlite)
{
    private HashSet<string> MappedOperations() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/cpro/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " " + e.RoutePattern.RawText!.TrimEnd('/')))
            .ToHashSet();

    [Fact]
    public async Task The_openapi_document_lists_every_operation_the_platform_answers_and_no_other()
    {
        using var http = Factory.CreateClient();
        using var response = await http.GetAsync(new Uri(OpenApiDocument.Path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        var documented = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/cpro/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant() + " " + p.Name))
            .ToHashSet();
        var mapped = MappedOperations();
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/oauth/token", out _));
        Assert.Equal("oauth2", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_reference_page_shows_every_operation_with_its_examples_and_the_return_codes()
    {
        var page = await Client.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var operation in ApiCatalogue.Operations)
        {
            Assert.NotNull(page.Document.GetElementById(operation.OperationId));
        }
        Assert.Contains("10005", page.Text);
        Assert.Contains("Raccordement EDI et API", page.Text);
    }
}
