using Cantate.Web.Modules.Accounts.Features.RecoverPassword;
using Cantate.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages;

[EnableRateLimiting(WebSecurity.RecoveryPolicy)]
public sealed class ForgotPasswordModel(RecoverPassword recover) : LoginEmailRequestModel
{
    protected override Task SendAsync(string loginEmail, CancellationToken cancellationToken) =>
        recover.RequestAsync(loginEmail, cancellationToken);
}
