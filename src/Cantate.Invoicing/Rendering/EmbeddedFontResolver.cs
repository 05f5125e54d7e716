using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Cantate.Invoicing.Rendering;

/// <summary>
/// Serves the DejaVu Sans faces embedded in this assembly to PDFsharp, so that rendering needs no installed
/// font. Every family name resolves to DejaVu Sans (regular or bold; italics are drawn upright).
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The family name to use in <c>XFont</c>.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>
    /// Installs the resolver as PDFsharp's global font resolver, once. A resolver installed earlier by the host
    /// is kept (PDFsharp allows only one); it must then serve <see cref="FamilyName"/> itself.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Fonts/{name}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {name}.ttf is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
