using Cantate.Sirene.Offline;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Sirene.Tests.Offline;

public class OfflineStoreCreationTests
{
    [Fact]
    public async Task The_offline_directory_creates_and_seeds_its_store_on_first_use()
    {
        using var dir = new TemporaryDirectory();
        var path = Path.Combine(dir.Path, "data", "sirene.db");
        var directory = new OfflineSireneDirectory(path, seedDemoData: true);
        Assert.False(File.Exists(path));

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Found, lookup.Status);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_store_created_without_demo_data_answers_unavailable_until_imported()
    {
        using var dir = new TemporaryDirectory();
        var directory = new OfflineSireneDirectory(dir.File("sirene.db"), seedDemoData: false);

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("cantate sirene import", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_created_leaves_an_existing_store_alone()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.File("sirene.db");
        await OfflineSireneStore.EnsureCreatedAsync(path, seedDemoData: false);
        await OfflineSireneStore.EnsureCreatedAsync(path, seedDemoData: true);

        var info = await OfflineSireneStore.ReadInfoAsync(path);
        Assert.Equal("empty", info!.Source);
    }

    [Fact]
    public async Task Concurrent_first_lookups_create_the_store_once_and_all_succeed()
    {
        using var dir = new TemporaryDirectory();
        var directory = new OfflineSireneDirectory(dir.File("sirene.db"), seedDemoData: true);

        var lookups = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => directory.FindEtablissementAsync("84321765400014")));

        Assert.All(lookups, l => Assert.Equal(SireneLookupStatus.Found, l.Status));
    }

    [Fact]
    public async Task Add_cantate_sirene_registers_the_offline_directory_by_default()
    {
        using var dir = new TemporaryDirectory();
        var services = new ServiceCollection()
            .AddCantateSirene(new SireneOptions { OfflineStorePath = dir.File("sirene.db"), SeedDemoData = true })
            .BuildServiceProvider();

        var directory = services.GetRequiredService<ISireneDirectory>();
        await directory.EnsureSireneStoreAsync();

        Assert.IsType<OfflineSireneDirectory>(directory);
        Assert.True(File.Exists(dir.File("sirene.db")));
        Assert.Equal(SireneLookupStatus.Found, (await directory.FindEtablissementAsync("90012345600015")).Status);
    }

    [Fact]
    public void Add_cantate_sirene_with_the_insee_source_requires_an_api_key() =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCantateSirene(new SireneOptions { Source = SireneSource.Insee }));
}
