using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Cantate.Testing;

/// <summary>A page as the client received it.</summary>
public sealed record Page(HttpStatusCode Status, Uri Url, IDocument Document)
{
    public string Text => Document.Body?.TextContent ?? string.Empty;

    /// <summary>The error shown next to a field (its id is the field name).</summary>
    public string? FieldError(string field) => Document.GetElementById(field + "-erreur")?.TextContent;

    public string? Heading => Document.QuerySelector("h1")?.TextContent.Trim();
}

/// <summary>
/// Drives the portal like a browser without JavaScript: follows redirects, keeps cookies, and submits forms with
/// every field they carry (the anti-forgery token included).
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<Page> GetAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return await ReadAsync(response);
    }

    /// <summary>Submits the page's form (the first one in main, or the one matching the selector).</summary>
    public async Task<Page> SubmitAsync(Page page, IEnumerable<KeyValuePair<string, string?>>? fields = null, string? formSelector = null, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = (IHtmlFormElement?)page.Document.QuerySelector(formSelector ?? "main form")
            ?? throw new InvalidOperationException($"No form '{formSelector ?? "main form"}' on {page.Url}: {page.Text}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio") { if (input.IsChecked) values.Add(new(input.Name, input.Value)); }
                    else if (input.Type is not "submit" and not "button") values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
            }
        }
        // Each name given replaces every value the form had under that name (so a checkbox group can be set whole).
        var overrides = (fields ?? []).ToList();
        foreach (var name in overrides.Select(f => f.Key).Distinct()) values.RemoveAll(v => v.Key == name);
        values.AddRange(overrides.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!;
        if (handler is not null) action += (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await PostAsync(action, values);
    }

    /// <summary>Submits a form with a file, as multipart/form-data, with the form's hidden fields (the anti-forgery token) and the given ones.</summary>
    public async Task<Page> UploadAsync(Page page, string field, string fileName, byte[] content, string? formSelector = null,
        IEnumerable<KeyValuePair<string, string?>>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = (IHtmlFormElement?)page.Document.QuerySelector(formSelector ?? "main form[enctype='multipart/form-data']")
            ?? throw new InvalidOperationException($"No upload form on {page.Url}");
        using var multipart = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
        {
            multipart.Add(new StringContent(input.Value), input.Name!);
        }
        foreach (var (name, value) in fields ?? []) multipart.Add(new StringContent(value ?? string.Empty), name);
        var file = new ByteArrayContent(content);
        multipart.Add(file, field, fileName);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!;
        using var response = await Http.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), multipart);
        return await ReadAsync(response);
    }

    /// <summary>Posts raw form values (no token is added).</summary>
    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var content = new FormUrlEncodedContent(values);
        using var response = await Http.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);
        return await ReadAsync(response);
    }

    /// <summary>Form values; a name may repeat (checkbox group); a null value removes the field.</summary>
    public static List<KeyValuePair<string, string?>> Fields(params (string Name, string? Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string?>(f.Name, f.Value)).ToList();

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!, document);
    }

    public void Dispose() => Http.Dispose();
}
