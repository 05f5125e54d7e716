using System.Globalization;
using Cantate.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Invoices;

/// <summary>
/// Deposited documents on local disk under DataDirectory/documents. A file is flushed to disk and renamed into
/// place before its path is returned, so what a deposit acknowledges is on durable storage.
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
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(content, cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, full);
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
