using PdfSharp.Drawing;

namespace Cantate.Invoicing.Rendering;

/// <summary>Text layout shared by the PDF documents the platform draws.</summary>
public static class PdfText
{
    /// <summary>Splits a text into lines that fit the width, keeping its own line breaks.</summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
        }

        return lines;
    }
}
