using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cantate.Web.Modules.Invoices.Features.DepositPdf;

/// <summary>
/// A plain PDF received by the portal while its fields are asked: the bytes are already in the document store, and
/// the page carries a token, protected by the data-protection keys and valid one day, that says where and for
/// which structure, so that nobody can point the form at another file.
/// </summary>
public sealed class PendingPdf(DocumentStore documents, IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Cantate.Invoices.DepositPdf.Pending").ToTimeLimitedDataProtector();

    public sealed record Held(string StoragePath, string FileName);

    public async Task<string> HoldAsync(Guid structureId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var path = await documents.SaveAsync(content, ".pdf", cancellationToken);
        return Protector.Protect($"{structureId:N}|{path}|{fileName}", Lifetime);
    }

    /// <summary>The PDF the token names, if the token is this structure's and still valid.</summary>
    public Held? Find(Guid structureId, string? token)
    {
        try
        {
            var parts = Protector.Unprotect(token ?? string.Empty).Split('|', 3);
            return parts.Length == 3 && parts[0] == structureId.ToString("N") ? new Held(parts[1], parts[2]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
