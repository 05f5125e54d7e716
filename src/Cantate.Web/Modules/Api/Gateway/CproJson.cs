using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cantate.Web.Modules.Api.Gateway;

/// <summary>
/// A business error of the API: HTTP 400 with a non-zero <c>codeRetour</c> and a French <c>libelle</c> naming the
/// field and the reason. Handlers throw it; the gateway writes it.
/// </summary>
public sealed class CproException(int code, string message, int httpStatus = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int Code { get; } = code;
    public int HttpStatus { get; } = httpStatus;
}

/// <summary>The return codes of the API. Chorus Pro's own where it has one, documented in the OpenAPI document.</summary>
public static class CproCodes
{
    public const int Ok = 0;
    /// <summary>GDP_MSG_11.008: the invoice does not exist (or is not visible to the caller).</summary>
    public const int InvoiceNotFound = 20000;
    /// <summary>GDP_MSG_11.005: the technical account may not do this.</summary>
    public const int NotAllowed = 20001;
    /// <summary>The invoice's status does not allow the action.</summary>
    public const int WrongStatus = 20002;
    /// <summary>File too large (10 MB per attachment).</summary>
    public const int FileTooLarge = 20003;
    /// <summary>A field is missing, has the wrong type or an unknown value.</summary>
    public const int InvalidField = 20100;
    /// <summary>The body is not valid JSON.</summary>
    public const int MalformedJson = 20101;
    /// <summary>A structure, service or flow named in the request does not exist for the caller.</summary>
    public const int NotFound = 20102;
    /// <summary>SIRENE cannot answer for now (HTTP 503): the request may be sent again later.</summary>
    public const int SireneUnavailable = 20150;
    /// <summary>The invoice is refused: EN 16931, Chorus Pro or routing rules (the libelle lists them).</summary>
    public const int InvoiceRefused = 20200;

    // Gateway: authentication and quotas.
    public const int MissingToken = 10001;
    public const int InvalidToken = 10002;
    public const int MissingAccount = 10003;
    public const int InvalidAccount = 10004;
    public const int ExpiredAccount = 10005;
    public const int QuotaExceeded = 10006;
    public const int UnknownOperation = 10007;

    public const string OkLabel = "TRA_MSG_00.000";
    public const string NoResultLabel = "TRA_MSG_00.015 La recherche n'a retourné aucun résultat";
}

/// <summary>
/// The request body, read leniently as real clients send it: unknown fields are ignored; an explicit null, an empty
/// string, 0 or false in a filter mean "not given" where the operation reads them with <see cref="Id"/>; numbers
/// may arrive as strings; a value of the wrong type is a <see cref="CproException"/> that names the field.
/// </summary>
public sealed class CproRequest
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly JsonElement _root;
    private readonly string _path;

    public CproRequest(JsonElement root, string path = "")
    {
        _root = root.ValueKind == JsonValueKind.Object ? root : Empty;
        _path = path;
    }

    public static CproRequest EmptyRequest { get; } = new(Empty);

    /// <summary>Parses a body; null, empty, "null" and "[]" (sent by GET callers) read as an empty object.</summary>
    public static CproRequest Parse(ReadOnlyMemory<byte> body)
    {
        var span = body.Span.Trim(" \t\r\n"u8);
        if (span.IsEmpty) return EmptyRequest;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => new CproRequest(root.Clone()),
                JsonValueKind.Null or JsonValueKind.Array => EmptyRequest,
                _ => throw new CproException(CproCodes.MalformedJson,
                    "Le corps de la requête doit être un objet JSON ({ ... }) portant les champs de l'opération."),
            };
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (ligne {line + 1}, position {e.BytePositionInLine + 1})") : string.Empty;
            throw new CproException(CproCodes.MalformedJson,
                $"Le corps de la requête n'est pas un JSON valide{where} : corrigez la syntaxe (guillemets, virgules, accolades) puis renvoyez la requête.");
        }
    }

    public bool Has(string name) => Find(name) is not null;

    /// <summary>A string field; numbers are turned into their text; null or blank give null.</summary>
    public string? Text(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is not { } value) continue;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw Wrong(name, "une chaîne de caractères", value),
            };
            if (!string.IsNullOrWhiteSpace(text)) return text.Trim();
        }
        return null;
    }

    /// <summary>An integer field (also from a string of digits or 12.0); null when absent.</summary>
    public long? Whole(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is not { } value) continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when value.TryGetInt64(out var l):
                    return l;
                case JsonValueKind.Number when value.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue:
                    return (long)d;
                case JsonValueKind.String when string.IsNullOrWhiteSpace(value.GetString()):
                    continue;
                case JsonValueKind.String when long.TryParse(value.GetString()!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw Wrong(name, "un nombre entier", value);
            }
        }
        return null;
    }

    /// <summary>An identifier or a filter: 0 and absent both mean "not given".</summary>
    public long? Id(params string[] names) => Whole(names) is { } v && v != 0 ? v : null;

    /// <summary>A page number or size: 0 and absent both mean "the default".</summary>
    public int PositiveInt(string name, int defaultValue, int max)
    {
        var v = Whole(name);
        return v is null or <= 0 ? defaultValue : (int)Math.Min(v.Value, max);
    }

    public decimal? Number(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is not { } value) continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when value.TryGetDecimal(out var d):
                    return d;
                case JsonValueKind.String when string.IsNullOrWhiteSpace(value.GetString()):
                    continue;
                case JsonValueKind.String when decimal.TryParse(value.GetString()!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw Wrong(name, "un nombre", value);
            }
        }
        return null;
    }

    /// <summary>A boolean; "" is absent, "true"/"false"/"1"/"0" are accepted.</summary>
    public bool? Bool(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is not { } value) continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number when value.TryGetInt32(out var n) && n is 0 or 1: return n == 1;
                case JsonValueKind.String:
                    var text = value.GetString()!.Trim();
                    if (text.Length == 0) continue;
                    if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" || text.Equals("OUI", StringComparison.OrdinalIgnoreCase)) return true;
                    if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" || text.Equals("NON", StringComparison.OrdinalIgnoreCase)) return false;
                    throw Wrong(name, "un booléen (true ou false)", value);
                default:
                    throw Wrong(name, "un booléen (true ou false)", value);
            }
        }
        return null;
    }

    /// <summary>A date given as "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or RFC 3339; only the calendar date is kept.</summary>
    public DateOnly? Date(params string[] names)
    {
        foreach (var name in names)
        {
            if (Text(name) is not { } text) continue;
            if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            throw new CproException(CproCodes.InvalidField,
                $"Le champ « {Qualified(name)} » doit être une date au format AAAA-MM-JJ (reçu : « {Truncate(text)} »).");
        }
        return null;
    }

    /// <summary>A nested object; null or absent give null.</summary>
    public CproRequest? Child(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is not { } value) continue;
            if (value.ValueKind == JsonValueKind.Object) return new CproRequest(value, Qualified(name));
            throw Wrong(name, "un objet", value);
        }
        return null;
    }

    /// <summary>A list of objects; a single object is read as a list of one (clients disagree), null as empty.</summary>
    public IReadOnlyList<CproRequest> Children(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is not { } value) continue;
            var qualified = Qualified(name);
            return value.ValueKind switch
            {
                JsonValueKind.Array => value.EnumerateArray().Select((item, i) => item.ValueKind switch
                {
                    JsonValueKind.Object => new CproRequest(item, string.Create(CultureInfo.InvariantCulture, $"{qualified}[{i}]")),
                    JsonValueKind.Null => null,
                    _ => throw Wrong(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), "un objet", item),
                }).Where(r => r is not null && !r.IsEmpty).Select(r => r!).ToList(),
                JsonValueKind.Object => new CproRequest(value, qualified) is { IsEmpty: false } single ? [single] : [],
                _ => throw Wrong(name, "une liste d'objets", value),
            };
        }
        return [];
    }

    /// <summary>A list of strings (a single string is a list of one).</summary>
    public IReadOnlyList<string> Strings(params string[] names)
    {
        foreach (var name in names)
        {
            if (Find(name) is not { } value) continue;
            return value.ValueKind switch
            {
                JsonValueKind.Array => value.EnumerateArray()
                    .Where(i => i.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(i.GetString()))
                    .Select(i => i.GetString()!.Trim()).ToList(),
                JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => [value.GetString()!.Trim()],
                JsonValueKind.String => [],
                _ => throw Wrong(name, "une liste de chaînes", value),
            };
        }
        return [];
    }

    /// <summary>A base64 field, decoded.</summary>
    public byte[]? Base64(string name)
    {
        if (Text(name) is not { } text) return null;
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new CproException(CproCodes.InvalidField,
                $"Le champ « {Qualified(name)} » doit contenir le fichier encodé en base64 (RFC 4648) : le texte reçu n'est pas du base64 valide.");
        }
    }

    /// <summary>True when no field carries a value.</summary>
    public bool IsEmpty => !_root.EnumerateObject().Any(p => p.Value.ValueKind is not JsonValueKind.Null);

    /// <summary>The name of a field as the caller sees it ("structure.identifiantStructure").</summary>
    public string Qualified(string name) => _path.Length == 0 ? name : _path + "." + name;

    /// <summary>The error for a required field that is missing.</summary>
    public CproException Missing(string name, string what) =>
        new(CproCodes.InvalidField, $"Le champ « {Qualified(name)} » est obligatoire : {what}.");

    private JsonElement? Find(string name)
    {
        if (_root.TryGetProperty(name, out var value)) return value.ValueKind == JsonValueKind.Null ? null : value;
        // Field names are case-sensitive in Chorus Pro; clients sometimes differ in case only.
        foreach (var property in _root.EnumerateObject())
        {
            if (property.NameEquals(name)) continue;
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
        }
        return null;
    }

    private CproException Wrong(string name, string expected, JsonElement value) =>
        new(CproCodes.InvalidField, $"Le champ « {Qualified(name)} » doit être {expected} (reçu : {Truncate(value.GetRawText())}).");

    private static string Truncate(string text) => text.Length > 60 ? text[..60] + "…" : text;
}

/// <summary>The date formats API clients parse (see docs/api.md): each kind of field has exactly one.</summary>
public static class CproDates
{
    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>"YYYY-MM-DD": dateDepot, dateFacture, dateTraitement...</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"YYYY-MM-DD" of a UTC instant, in French local time.</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"YYYY-MM-DD HH:MM" in French local time: histoStatutDatePassage, dateCreationFacture...</summary>
    public static string DateTime(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 with milliseconds and Z: dateHeureEtatCourant, dateDepotFlux... (the one form every client reads).</summary>
    public static string Timestamp(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

/// <summary>Writes API answers: HTTP 200, <c>application/json;charset=UTF-8</c>, <c>codeRetour</c> and <c>libelle</c> first, nulls left out.</summary>
public static class CproResults
{
    public const string ContentType = "application/json;charset=UTF-8";

    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A success: the fields of <paramref name="payload"/> after <c>codeRetour: 0</c> and <c>libelle</c>.</summary>
    public static IResult Ok(object payload, string libelle = CproCodes.OkLabel) => new CproResult(StatusCodes.Status200OK, CproCodes.Ok, libelle, payload);

    public static IResult Error(int code, string libelle, int status = StatusCodes.Status400BadRequest) => new CproResult(status, code, libelle, null);

    /// <summary>Writes <c>{"codeRetour", "libelle", ...payload}</c>.</summary>
    public static async Task WriteAsync(HttpResponse response, int status, int code, string libelle, object? payload)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        response.ContentType = ContentType;
        var body = new JsonObject { ["codeRetour"] = code, ["libelle"] = libelle };
        if (payload is not null && JsonSerializer.SerializeToNode(payload, payload.GetType(), Json) is JsonObject fields)
        {
            foreach (var (name, value) in fields.ToList())
            {
                fields.Remove(name);
                body[name] = value;
            }
        }
        await using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = Json.Encoder });
        body.WriteTo(writer, Json);
        await writer.FlushAsync(response.HttpContext.RequestAborted);
    }

    private sealed class CproResult(int status, int code, string libelle, object? payload) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, status, code, libelle, payload);
    }
}
