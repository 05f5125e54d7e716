using Cantate.Web.Modules.Accounts.Features.ActivateAccount;
using Cantate.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages;

[EnableRateLimiting(WebSecurity.RecoveryPolicy)]
public sealed class ResendActivationModel(ResendActivation resend) : LoginEmailRequestModel
{
    protected override Task SendAsync(string loginEmail, CancellationToken cancellationToken) =>
        resend.HandleAsync(loginEmail, cancellationToken);
}
