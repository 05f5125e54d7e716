using Cantate.Testing;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cantate.Web.Tests.Hosting;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_unless_the_configuration_says_otherwise()
    {
        var used = new NpgsqlConnectionStringBuilder(PersistenceModule.PostgresConnectionString("Host=db.interne;Port=5433;Database=cantate;Username=cantate;Password=s3cret"));
        Assert.Equal(PersistenceModule.DefaultMaxAutoPrepare, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
        Assert.Equal(("db.interne", 5433, "cantate", "s3cret"), (used.Host, used.Port, used.Database, used.Password));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    [InlineData("Host=db;MAX AUTO PREPARE=0;no reset on close=false")]
    public void A_value_given_in_the_connection_string_wins(string configured)
    {
        var used = new NpgsqlConnectionStringBuilder(PersistenceModule.PostgresConnectionString(configured));
        Assert.Equal(0, used.MaxAutoPrepare);
        Assert.False(used.NoResetOnClose);
    }
}

/// <summary>The platform's PostgreSQL context really runs with the defaults (the settings reach EF Core's connection).</summary>
public sealed class PostgresConnectionInUseTests() : PortalTest(TestDatabase.Postgres)
{
    [Fact]
    public async Task The_running_platform_uses_prepared_statements()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        var used = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal(PersistenceModule.DefaultMaxAutoPrepare, used.MaxAutoPrepare);
        // Statements repeated on one connection end up prepared on the server.
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 5; i++) await db.Structures.AsNoTracking().CountAsync(s => s.IsPublic);
        var prepared = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements").SingleAsync();
        Assert.True(prepared > 0, "no statement was prepared on the server");
    }
}
