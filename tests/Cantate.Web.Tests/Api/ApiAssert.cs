using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Tests.Annuaire;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>Checks of API answers as the strictest clients read them: go's JSON types and date layouts, php's required fields.</summary>
internal static partial class ApiAssert
{
    /// <summary>HTTP 200, codeRetour 0, application/json with charset UTF-8 (the 2017 C# client reads the charset).</summary>
    public static CproResponse Ok(CproResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.EnsureOk();
        Assert.Equal(JsonValueKind.String, response["libelle"].ValueKind);
        return ContentType(response);
    }

    /// <summary>A business error: HTTP 400 (or <paramref name="status"/>), the code, and a libellé holding each fragment.</summary>
    public static CproResponse Error(CproResponse response, int code, params string[] fragments) =>
        Error(response, HttpStatusCode.BadRequest, code, fragments);

    public static CproResponse Error(CproResponse response, HttpStatusCode status, int code, params string[] fragments)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.Status == status, $"Expected HTTP {(int)status}, got {(int)response.Status}: {response.Text}");
        Assert.Equal(code, response.CodeRetour);
        foreach (var fragment in fragments) Assert.Contains(fragment, response.Libelle, StringComparison.Ordinal);
        return ContentType(response);
    }

    private static CproResponse ContentType(CproResponse response)
    {
        var type = response.Raw.Content.Headers.ContentType;
        Assert.Equal("application/json", type?.MediaType);
        Assert.Equal("UTF-8", type?.CharSet);
        return response;
    }

    /// <summary>A JSON integer (not a string, not 12.0), as go's int64 and php's int fields need it.</summary>
    public static long Int(JsonElement parent, string name)
    {
        var value = parent.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.Number && IntegerText().IsMatch(value.GetRawText()), $"{name} is not a JSON integer: {value.GetRawText()}");
        return value.GetInt64();
    }

    public static string Str(JsonElement parent, string name)
    {
        var value = parent.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.String, $"{name} is not a JSON string: {value.GetRawText()}");
        return value.GetString()!;
    }

    public static bool Bool(JsonElement parent, string name)
    {
        var value = parent.GetProperty(name);
        Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{name} is not a JSON boolean: {value.GetRawText()}");
        return value.GetBoolean();
    }

    /// <summary>{pageCourante, pages, nbResultatsParPage, total}, JSON integers.</summary>
    public static void Paging(JsonElement counters, int page, int pages, int size, int total)
    {
        Assert.Equal(page, Int(counters, "pageCourante"));
        Assert.Equal(pages, Int(counters, "pages"));
        Assert.Equal(size, Int(counters, "nbResultatsParPage"));
        Assert.Equal(total, Int(counters, "total"));
    }

    /// <summary>RFC 3339 with milliseconds and Z: the one date-time form go and php both read (§C3).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    public static partial Regex Timestamp();

    /// <summary>"YYYY-MM-DD HH:MM", go's Datetime layout.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
    public static partial Regex MinuteDateTime();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex IntegerText();
}
