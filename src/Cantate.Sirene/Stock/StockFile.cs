using System.IO.Compression;

namespace Cantate.Sirene.Stock;

/// <summary>
/// A stock file to import: a CSV on disk, the .zip INSEE publishes (its single CSV entry is read streaming), or
/// any stream (the demo extract embedded in this library).
/// </summary>
public sealed class StockFile
{
    private readonly Func<Stream> _open;

    /// <summary>A stock file read from <paramref name="open"/>; <paramref name="length"/> is the byte count used for progress.</summary>
    public StockFile(string name, Func<Stream> open, long length)
    {
        Name = name;
        _open = open;
        Length = length;
    }

    /// <summary>Name shown in progress and error messages.</summary>
    public string Name { get; }

    /// <summary>Bytes of CSV the file holds (uncompressed size for a zip entry).</summary>
    public long Length { get; }

    /// <summary>Opens the CSV content.</summary>
    public Stream Open() => _open();

    /// <summary>
    /// A CSV file, or a .zip holding exactly one .csv entry.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="StockFileFormatException">A zip that does not hold exactly one CSV.</exception>
    public static StockFile FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Fichier introuvable : {full}", full);
        var name = Path.GetFileName(full);

        if (!IsZip(full))
            return new StockFile(name, () => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), new FileInfo(full).Length);

        string entryName;
        long entryLength;
        using (var archive = ZipFile.OpenRead(full))
        {
            var csvs = archive.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (csvs.Count != 1)
                throw new StockFileFormatException(name, 0, 0, null, $"l'archive doit contenir un seul fichier .csv (elle en contient {csvs.Count})");
            entryName = csvs[0].FullName;
            entryLength = csvs[0].Length;
        }

        return new StockFile($"{name}!{entryName}", () =>
        {
            var archive = ZipFile.OpenRead(full);
            try
            {
                return new OwningStream(archive.GetEntry(entryName)!.Open(), archive);
            }
            catch
            {
                archive.Dispose();
                throw;
            }
        }, entryLength);
    }

    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
    }

    /// <summary>Disposes the archive together with the entry stream.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
