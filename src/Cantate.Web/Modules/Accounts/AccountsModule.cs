using System.Security.Claims;
using Cantate.Web.Modules.Accounts.Features.ActivateAccount;
using Cantate.Web.Modules.Accounts.Features.CreateAccount;
using Cantate.Web.Modules.Accounts.Features.RecoverPassword;
using Cantate.Web.Modules.Accounts.Security;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts;

public static class AccountsModule
{
    public const string StampClaim = "cantate:stamp";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<SecretHasher>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<AccountRequestDraftStore>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<IdentifyRequester>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<ActivateAccount>();
        services.AddScoped<ResendActivation>();
        services.AddScoped<Features.SignIn.SignIn>();
        services.AddScoped<RecoverPassword>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "cantate.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/connexion";
                o.LogoutPath = "/deconnexion";
                o.AccessDeniedPath = "/connexion";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateStampAsync;
            });
        services.AddAuthorization();
        return services;
    }

    public static ClaimsPrincipal PrincipalFor(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(StampClaim, user.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A session ends when the password changes or the account is no longer active.</summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<CantateDbContext>();
        var valid = Guid.TryParse(id, out var userId) && await db.Users.AsNoTracking()
            .AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp && u.Status == UserStatus.Actif);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
