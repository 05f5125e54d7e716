using System.Globalization;
using System.Runtime.InteropServices;
using Cantate.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Invoices;

/// <summary>
/// Deposited documents on local disk under DataDirectory/documents. A file and its directory entry are flushed to
/// disk before its path is returned, so what a deposit acknowledges is on durable storage.
/// </summary>
public sealed class DocumentStore(IOptions<CantateOptions> options, TimeProvider clock)
{
    private string Root => Path.Combine(options.Value.ResolveDataDirectory(), "documents");

    /// <summary>Stores the bytes and returns the path relative to the documents root.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var relative = Path.Combine(now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture),
            $"{Guid.CreateVersion7():N}{extension}");
        var full = Path.Combine(Root, relative);
        var directory = Path.GetDirectoryName(full)!;
        var created = !Directory.Exists(directory);
        Directory.CreateDirectory(directory);
        // Written under its final name (a new, unique one): nothing reads a document before the deposit that names it
        // is committed, and a crash before that commit only leaves a file no row points to. The file is flushed, then
        // its directory entry: on a journalling file system the entry usually went to disk with the file's flush, so
        // the second flush finds nothing left to write (a temporary name and a rename would cost a second journal commit).
        await using (var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(content, cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        DurableDirectory.Flush(directory);
        if (created)
        {
            DurableDirectory.Flush(Path.GetDirectoryName(directory)!);
            DurableDirectory.Flush(Root);
        }
        return relative.Replace('\\', '/');
    }

    public Task<byte[]> ReadAsync(string relativePath, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("Document path outside the store.");
        return File.ReadAllBytesAsync(full, cancellationToken);
    }
}

/// <summary>fsync(2) of a directory, which .NET does not expose (it refuses to open a directory as a file).</summary>
internal static partial class DurableDirectory
{
    private const int ReadOnly = 0, Directory = 0x10000; // O_RDONLY, O_DIRECTORY (Linux)

    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = Open(path, ReadOnly | Directory);
        if (fd < 0) throw new IOException($"Cannot open directory '{path}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"Cannot flush directory '{path}' to disk (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
