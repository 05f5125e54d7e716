using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Cantate.Web.Modules.Accounts.Features.CreateAccount;

/// <summary>
/// What the user typed in the steps before the account exists. Kept in an encrypted, short-lived cookie
/// rather than in the database, so abandoned attempts leave nothing behind.
/// </summary>
public sealed record AccountRequestDraft
{
    public required string LoginEmail { get; init; }
    public required string Siret { get; init; }
    /// <summary>The structure already on the platform: the request becomes a "demande de rattachement".</summary>
    public Guid? ExistingStructureId { get; init; }
    public bool IsPublic { get; init; }
    public bool NonDiffusible { get; init; }
    public string? CategorieJuridique { get; init; }
    public string? RaisonSociale { get; init; }
    public string? AddressLine { get; init; }
    public string? AddressComplement { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string CountryCode { get; init; } = "FR";
    public string? LastName { get; init; }
    public string? FirstName { get; init; }
    public string? ContactEmail { get; init; }
    public bool DepositsPaymentRequests { get; init; } = true;
    public bool UsesDume { get; init; }
    /// <summary>Set once step 2 is complete.</summary>
    public bool InformationComplete { get; init; }
}

/// <summary>Reads and writes the draft cookie.</summary>
public sealed class AccountRequestDraftStore(IDataProtectionProvider protection)
{
    private const string CookieName = "cantate.inscription";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Cantate.Accounts.AccountRequestDraft").ToTimeLimitedDataProtector();

    public AccountRequestDraft? Read(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<AccountRequestDraft>(_protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Write(HttpContext http, AccountRequestDraft draft)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = _protector.Protect(JsonSerializer.Serialize(draft), Lifetime);
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = Lifetime,
        });
    }

    public void Clear(HttpContext http) => http?.Response.Cookies.Delete(CookieName);
}
