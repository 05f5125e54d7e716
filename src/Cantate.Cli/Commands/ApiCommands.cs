using System.CommandLine;
using System.CommandLine.Invocation;
using Cantate.Web.Modules.Api.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Cli.Commands;

/// <summary>
/// Credentials of the API for operators and automated setups, on the platform's database.
/// <c>api client create --name NAME</c> prints <c>CLIENT_ID CLIENT_SECRET</c> on one line;
/// <c>api technical-account create --siret SIRET</c> prints <c>LOGIN PASSWORD</c> on one line (the structure is taken
/// from the platform, or created from SIRENE). Exit 0 done, 1 refused (the reason is on stderr), 2 usage error.
/// </summary>
internal static class ApiCommands
{
    private const int Failed = 1;
    private const int UsageError = 2;

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var name = new Option<string>("--name") { Description = "Nom de l'application (1 à 100 caractères).", Required = true };
        var createClient = new Command("create", "Crée une application OAuth ; affiche « CLIENT_ID CLIENT_SECRET » (le secret n'est affiché qu'une fois).") { name };
        createClient.Action = new PlatformAction(parse => CreateClientAsync(parse, parse.GetValue(name)!));
        var client = new Command("client", "Applications OAuth (client_credentials).") { createClient };

        var siret = new Option<string>("--siret") { Description = "SIRET de la structure pour laquelle le compte agit.", Required = true };
        var createAccount = new Command("create", "Crée un compte technique rattaché à la structure ; affiche « LOGIN PASSWORD » (le mot de passe n'est affiché qu'une fois).") { siret };
        createAccount.Action = new PlatformAction(parse => CreateTechnicalAccountAsync(parse, parse.GetValue(siret)!));
        var account = new Command("technical-account", "Comptes techniques (en-tête cpro-account).") { createAccount };

        var api = new Command("api", "Accès à l'API compatible Chorus Pro.") { client, account };
        root.Subcommands.Add(api);
    }

    private static async Task<int> CreateClientAsync(ParseResult parse, string name)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            await error.WriteLineAsync("--name doit compter de 1 à 100 caractères.");
            return UsageError;
        }
        await using var services = await PlatformHost.StartAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiCredentials>().CreateClientAsync(name, null, null, CancellationToken.None);
        await output.WriteLineAsync($"{created.Client.ClientId} {created.Secret}");
        return 0;
    }

    private static async Task<int> CreateTechnicalAccountAsync(ParseResult parse, string siret)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        await using var services = await PlatformHost.StartAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<ApiCredentials>().CreateTechnicalAccountAsync(siret, null, CancellationToken.None);
            await output.WriteLineAsync($"{created.Account.Login} {created.Password}");
            return 0;
        }
        catch (ApiCredentialException e)
        {
            await error.WriteLineAsync(e.Message);
            return Failed;
        }
    }
}
