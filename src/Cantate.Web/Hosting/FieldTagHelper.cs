using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cantate.Web.Hosting;

/// <summary>
/// A labelled form field with its hint and its error, accessible by its label:
/// <c>&lt;champ nom="Siret" libelle="SIRET" valeur="@Model.Siret" /&gt;</c>. The error comes from ModelState.
/// </summary>
[HtmlTargetElement("champ", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("nom")] public string Name { get; set; } = string.Empty;
    [HtmlAttributeName("libelle")] public string Label { get; set; } = string.Empty;
    [HtmlAttributeName("valeur")] public string? Value { get; set; }
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("aide")] public string? Hint { get; set; }
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("obligatoire")] public bool Required { get; set; }
    [HtmlAttributeName("lecture-seule")] public bool ReadOnly { get; set; }
    [HtmlAttributeName("longueur-max")] public int? MaxLength { get; set; }
    [HtmlAttributeName("inputmode")] public string? InputMode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var error = ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage : null;
        var id = Name;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "champ" : "champ champ--erreur");

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append("<label for=\"").Append(E(id)).Append("\">").Append(E(Label));
        if (!Required && !ReadOnly) html.Append(" <span class=\"facultatif\">(facultatif)</span>");
        html.Append("</label>");
        if (Hint is not null)
        {
            html.Append("<p class=\"aide\" id=\"").Append(E(id)).Append("-aide\">").Append(E(Hint)).Append("</p>");
            describedBy.Add(id + "-aide");
        }
        if (error is not null)
        {
            html.Append("<p class=\"message-erreur\" id=\"").Append(E(id)).Append("-erreur\">").Append(E(error)).Append("</p>");
            describedBy.Add(id + "-erreur");
        }
        html.Append("<input id=\"").Append(E(id)).Append("\" name=\"").Append(E(Name)).Append("\" type=\"").Append(E(Type)).Append('"');
        if (Value is not null && Type != "password") html.Append(" value=\"").Append(E(Value)).Append('"');
        if (Autocomplete is not null) html.Append(" autocomplete=\"").Append(E(Autocomplete)).Append('"');
        if (InputMode is not null) html.Append(" inputmode=\"").Append(E(InputMode)).Append('"');
        if (MaxLength is { } max) html.Append(" maxlength=\"").Append(max.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('"');
        if (Required) html.Append(" required aria-required=\"true\"");
        if (ReadOnly) html.Append(" readonly");
        if (error is not null) html.Append(" aria-invalid=\"true\"");
        if (describedBy.Count > 0) html.Append(" aria-describedby=\"").Append(E(string.Join(' ', describedBy))).Append('"');
        html.Append('>');
        output.Content.SetHtmlContent(html.ToString());
    }

    private string E(string value) => encoder.Encode(value);
}
