using Cantate.Testing;

namespace Cantate.Web.Tests;

/// <summary>Each test gets the whole application on a fresh database of the provider its class names.</summary>
public abstract class PortalTest(TestDatabase database) : IAsyncLifetime
{
    protected CantateFactory Factory { get; private set; } = default!;
    protected PortalClient Client { get; private set; } = default!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public Task InitializeAsync()
    {
        Factory = new CantateFactory(database, Settings);
        Client = Factory.CreatePortalClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        var errors = Factory.ErrorLog.Errors;
        await Factory.DisposeAsync();
        // No page may fail with an unhandled exception, whatever the test sent.
        Assert.True(errors.Count == 0, "The application logged errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    protected static string NewEmail(string who = "utilisateur") => $"{who}.{Guid.NewGuid():N}@exemple.fr";
}
