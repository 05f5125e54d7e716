using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Cantate.Invoicing.Validation;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;

namespace Cantate.Web.Modules.Invoices.Features.DepositBatch;

/// <summary>One file of a flow.</summary>
public sealed record FlowEntry(string Name, byte[] Content);

/// <summary>The files of a flow, or why the flow cannot be read at all.</summary>
public sealed record OpenedFlow(IReadOnlyList<FlowEntry> Entries, DepositProblem? Problem);

/// <summary>
/// Opens what a flow holds: one invoice file, or a batch in a .zip or a .tar.gz (OCA sends gzip'd ustar) of up to
/// 500 invoices. An archive is read in memory, never extracted to disk, and every limit is checked on the bytes
/// actually read, not on what the archive's headers claim: a zip bomb, a path that climbs out ("../"), a link, a
/// nested archive or too many files refuse the whole flow with the reason.
/// </summary>
public static class FlowArchive
{
    public const int MaxEntries = 500;
    public const long MaxEntryBytes = InvoiceValidator.MaxFileBytes;
    public const long MaxTotalBytes = 256L * 1024 * 1024;
    private const long MaxRatio = 200;
    private static readonly string[] ArchiveExtensions = [".zip", ".tar", ".gz", ".tgz", ".7z", ".rar", ".bz2", ".xz", ".zst"];

    private sealed class Refusal(DepositProblem problem) : Exception(problem.Message)
    {
        public DepositProblem Problem { get; } = problem;
    }

    public static bool IsZip(ReadOnlySpan<byte> content) => content.StartsWith("PK\u0003\u0004"u8) || content.StartsWith("PK\u0005\u0006"u8);

    public static bool IsGzip(ReadOnlySpan<byte> content) => content.Length > 2 && content[0] == 0x1F && content[1] == 0x8B;

    public static bool IsTar(ReadOnlySpan<byte> content) => content.Length > 262 && content.Slice(257, 5).SequenceEqual("ustar"u8);

    public static bool IsArchive(ReadOnlySpan<byte> content) => IsZip(content) || IsGzip(content) || IsTar(content);

    /// <summary>The extension a flow's bytes are stored under.</summary>
    public static string ExtensionOf(ReadOnlySpan<byte> content) =>
        IsZip(content) ? ".zip" : IsGzip(content) ? ".tar.gz" : IsTar(content) ? ".tar"
        : content.StartsWith("%PDF"u8) ? ".pdf" : content.TrimStart(" \t\r\n\uFEFF"u8).StartsWith("<"u8) ? ".xml" : ".bin";

    public static OpenedFlow Open(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IsArchive(content)) return new OpenedFlow([new FlowEntry(fileName, content)], null);
        try
        {
            var entries = IsZip(content) ? ReadZip(content) : ReadTar(content);
            if (entries.Count == 0) throw Refuse("ARCHIVE-VIDE", $"L'archive « {fileName} » ne contient aucun fichier de facture.");
            return new OpenedFlow(entries, null);
        }
        catch (Refusal refusal)
        {
            return new OpenedFlow([], refusal.Problem);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or IOException or ArgumentException or NotSupportedException)
        {
            return new OpenedFlow([], new DepositProblem("ARCHIVE-ILLISIBLE", "", "",
                $"L'archive « {fileName} » est illisible ou incomplète : déposez une archive .zip ou .tar.gz valide ({e.Message})."));
        }
    }

    private static List<FlowEntry> ReadZip(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/') && !Skipped(e.FullName)).ToList();
        if (files.Count > MaxEntries) throw TooMany();
        var entries = new List<FlowEntry>(files.Count);
        long total = 0;
        foreach (var entry in files)
        {
            var name = CheckName(entry.FullName);
            if (entry.Length > MaxEntryBytes) throw TooLarge(name);
            if (entry.Length > 1024 * 1024 && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
                throw Refuse("ARCHIVE-BOMBE", $"Le fichier « {name} » de l'archive est compressé plus de {MaxRatio} fois : une telle archive (« bombe de décompression ») est refusée.");
            using var stream = entry.Open();
            var bytes = ReadCapped(stream, name, ref total);
            entries.Add(Checked(name, bytes));
        }
        return entries;
    }

    private static List<FlowEntry> ReadTar(byte[] content)
    {
        using var source = IsGzip(content)
            ? (Stream)new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress)
            : new MemoryStream(content, writable: false);
        using var tar = new TarReader(source);
        var entries = new List<FlowEntry>();
        long total = 0;
        while (tar.GetNextEntry() is { } entry)
        {
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    continue;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    break;
                default:
                    throw Refuse("ARCHIVE-LIEN", $"L'archive contient « {entry.Name} », qui n'est pas un fichier ordinaire (lien, périphérique…) : une archive de factures ne contient que des fichiers.");
            }
            if (Skipped(entry.Name)) continue;
            var name = CheckName(entry.Name);
            if (entries.Count == MaxEntries) throw TooMany();
            if (entry.Length > MaxEntryBytes) throw TooLarge(name);
            var bytes = entry.DataStream is { } data ? ReadCapped(data, name, ref total) : [];
            entries.Add(Checked(name, bytes));
        }
        return entries;
    }

    /// <summary>Copies at most the limits, whatever the headers said.</summary>
    private static byte[] ReadCapped(Stream stream, string name, ref long total)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            total += read;
            if (copy.Length > MaxEntryBytes) throw TooLarge(name);
            if (total > MaxTotalBytes)
                throw Refuse("ARCHIVE-BOMBE", string.Create(CultureInfo.InvariantCulture,
                    $"Une fois décompressée, l'archive dépasse {MaxTotalBytes / (1024 * 1024)} Mo : déposez les factures en plusieurs lots."));
        }
        return copy.ToArray();
    }

    private static FlowEntry Checked(string name, byte[] bytes)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (ArchiveExtensions.Contains(extension) || IsArchive(bytes))
            throw Refuse("ARCHIVE-IMBRIQUEE", $"L'archive contient une autre archive (« {name} ») : placez les factures directement dans une seule archive.");
        return new FlowEntry(name, bytes);
    }

    /// <summary>Only plain relative names: nothing absolute, no "..", no drive letter.</summary>
    private static string CheckName(string fullName)
    {
        var name = fullName.Replace('\\', '/');
        if (name.Length == 0 || name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || name.Split('/').Any(s => s == "..")
            || name.Any(char.IsControl))
            throw Refuse("ARCHIVE-CHEMIN", $"L'archive contient un chemin dangereux (« {fullName} ») : les noms de fichiers doivent être relatifs, sans « .. ».");
        return name.Length > 255 ? name[^255..] : name;
    }

    /// <summary>What archivers add beside the files (macOS resource forks, Finder data).</summary>
    private static bool Skipped(string fullName)
    {
        var name = fullName.Replace('\\', '/');
        var baseName = name[(name.LastIndexOf('/') + 1)..];
        return name.StartsWith("__MACOSX/", StringComparison.Ordinal) || baseName.StartsWith("._", StringComparison.Ordinal) || baseName == ".DS_Store";
    }

    private static Refusal Refuse(string rule, string message) => new(new DepositProblem(rule, "", "", message));

    private static Refusal TooMany() => Refuse("ARCHIVE-TROP-DE-FACTURES", string.Create(CultureInfo.InvariantCulture,
        $"L'archive contient plus de {MaxEntries} fichiers : un dépôt compte {MaxEntries} factures au plus. Répartissez-les en plusieurs lots."));

    private static Refusal TooLarge(string name) => Refuse("ARCHIVE-FICHIER-TROP-GROS", string.Create(CultureInfo.InvariantCulture,
        $"Le fichier « {name} » de l'archive dépasse {MaxEntryBytes / (1024 * 1024)} Mo une fois décompressé."));
}
