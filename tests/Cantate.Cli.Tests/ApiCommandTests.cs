using Cantate.Testing;
using Cantate.Web.Modules.Api.Features;

namespace Cantate.Cli.Tests;

/// <summary><c>cantate api client create</c> and <c>cantate api technical-account create</c>: the credentials they print work against the API.</summary>
public abstract class ApiCommandTests(TestDatabase database) : CliTest(database)
{
    [Fact]
    public async Task The_printed_client_and_technical_account_open_the_api_of_a_structure_taken_from_sirene()
    {
        var client = await RunAsync("api", "client", "create", "--name", "ERP comptable");
        Assert.True(client.ExitCode == 0, client.Error);
        var clientParts = client.Output.Trim().Split(' ');
        Assert.Equal(2, clientParts.Length);

        // The structure is not on the platform yet: it is created from the SIRENE demo extract.
        var account = await RunAsync("api", "technical-account", "create", "--siret", "84321765400014");
        Assert.True(account.ExitCode == 0, account.Error);
        var accountParts = account.Output.Trim().Split(' ');
        Assert.Equal(2, accountParts.Length);

        var settings = new Dictionary<string, string?> { ["Cantate:DataDirectory"] = DataDirectory };
        if (PostgresConnectionString is { } connection) settings["ConnectionStrings:Cantate"] = connection;
        await using var factory = new CantateFactory(PostgresConnectionString is null ? TestDatabase.Sqlite : TestDatabase.Postgres, settings);
        using var http = factory.CreateClient();
        var token = await CproClient.TokenAsync(http, clientParts[0], clientParts[1]);
        using var api = new CproClient(http, token, ApiCredentials.CproAccountHeader(accountParts[0], accountParts[1]));
        (await api.GetAsync("/cpro/transverses/v1/health-check")).EnsureOk();
        Assert.StartsWith("TECH_84321765400014_", accountParts[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_technical_account_for_an_unknown_or_invalid_siret_is_refused_with_the_reason()
    {
        var invalid = await RunAsync("api", "technical-account", "create", "--siret", "12345678901234");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("n'est pas valide", invalid.Error);
        Assert.Empty(invalid.Output);

        var closed = await RunAsync("api", "technical-account", "create", "--siret", "84321765400022");
        Assert.Equal(1, closed.ExitCode);
        Assert.Contains("fermé", closed.Error);
    }

    [Fact]
    public async Task A_missing_option_is_a_usage_error()
    {
        Assert.Equal(2, (await RunAsync("api", "client", "create")).ExitCode);
        Assert.Equal(2, (await RunAsync("api", "technical-account", "create")).ExitCode);
    }
}

public sealed class ApiCommandOnSqliteTests() : ApiCommandTests(TestDatabase.Sqlite);

public sealed class ApiCommandOnPostgresTests() : ApiCommandTests(TestDatabase.Postgres);
