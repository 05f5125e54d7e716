using System.IO.Compression;
using System.Text;
using Cantate.Sirene.Bench;
using Cantate.Sirene.Offline;
using Cantate.Sirene.Stock;

namespace Cantate.Sirene.Tests.Offline;

public sealed class StockImportTests : IDisposable
{
    private const int Rows = 5_000;
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string Etablissements, string UnitesLegales) Files(int rows = Rows) => SyntheticStock.WriteFiles(_dir.Path, rows);

    [Fact]
    public async Task A_generated_stock_of_several_thousand_rows_is_imported_and_looked_up()
    {
        var (etablissements, unitesLegales) = Files();
        var store = _dir.File("sirene.db");

        var result = await SireneStockImporter.ImportAsync(etablissements, unitesLegales, store);

        Assert.Equal(Rows, result.Etablissements);
        Assert.Equal(Rows, result.UnitesLegales);
        Assert.Equal(0, result.Rejected);
        var directory = new OfflineSireneDirectory(store);

        var company = (await directory.FindEtablissementAsync(SyntheticStock.Siret(1))).Etablissement!;
        Assert.Equal("SOCIETE SYNTHETIQUE 1", company.RaisonSociale);
        Assert.Equal("2 AVENUE DES ARTISANS 1", company.AddressLine);
        Assert.Equal("10001", company.PostalCode);
        Assert.Equal("PARIS", company.City);
        Assert.Equal("5710", company.CategorieJuridique);
        Assert.True(company.IsActive);

        var closed = (await directory.FindEtablissementAsync(SyntheticStock.Siret(7))).Etablissement!;
        Assert.False(closed.IsActive);
        Assert.False(closed.UniteLegaleIsActive);

        var withComplement = (await directory.FindEtablissementAsync(SyntheticStock.Siret(3))).Etablissement!;
        Assert.Equal("BATIMENT A, ETAGE 2", withComplement.AddressComplement);

        var person = (await directory.FindEtablissementAsync(SyntheticStock.Siret(4))).Etablissement!;
        Assert.Equal("JEANNE DUPUIS", person.RaisonSociale);
        Assert.Equal("1000", person.CategorieJuridique);

        var maskedPerson = (await directory.FindEtablissementAsync(SyntheticStock.Siret(49))).Etablissement!;
        Assert.True(maskedPerson.PartiallyDiffusible);
        Assert.Null(maskedPerson.RaisonSociale);
        Assert.Null(maskedPerson.AddressLine);
        Assert.Null(maskedPerson.PostalCode);

        var last = await directory.FindEtablissementAsync(SyntheticStock.Siret(Rows - 1));
        Assert.Equal(SireneLookupStatus.Found, last.Status);
        Assert.Equal(SireneLookupStatus.NotFound, (await directory.FindEtablissementAsync(SyntheticStock.Siret(Rows))).Status);
    }

    [Fact]
    public async Task Columns_are_mapped_by_name_whatever_their_order_and_without_the_naf25_columns()
    {
        var columns = SyntheticStock.EtablissementColumns.Where(c => !c.Contains("NAF25", StringComparison.Ordinal)).Reverse().ToList();
        var etablissements = _dir.File("etab.csv");
        var unitesLegales = _dir.File("ul.csv");
        await using (var writer = new StreamWriter(etablissements)) SyntheticStock.WriteEtablissements(writer, 100, columns);
        await using (var writer = new StreamWriter(unitesLegales))
            SyntheticStock.WriteUnitesLegales(writer, 100, SyntheticStock.UniteLegaleColumns.Where(c => !c.Contains("NAF25", StringComparison.Ordinal)).ToList());
        var store = _dir.File("sirene.db");

        var result = await SireneStockImporter.ImportAsync(etablissements, unitesLegales, store);

        Assert.Equal(100, result.Etablissements);
        var found = (await new OfflineSireneDirectory(store).FindEtablissementAsync(SyntheticStock.Siret(1))).Etablissement!;
        Assert.Equal("2 AVENUE DES ARTISANS 1", found.AddressLine);
        Assert.Equal("SOCIETE SYNTHETIQUE 1", found.RaisonSociale);
    }

    [Fact]
    public async Task The_zip_files_insee_publishes_are_read_directly()
    {
        var (etablissements, unitesLegales) = Files(300);
        var zips = new List<string>();
        foreach (var csv in new[] { etablissements, unitesLegales })
        {
            var zip = Path.ChangeExtension(csv, ".zip");
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create)) archive.CreateEntryFromFile(csv, Path.GetFileName(csv));
            zips.Add(zip);
        }
        var store = _dir.File("sirene.db");

        var result = await SireneStockImporter.ImportAsync(zips[0], zips[1], store);

        Assert.Equal(300, result.Etablissements);
        Assert.Equal(300, result.UnitesLegales);
        Assert.Equal(SireneLookupStatus.Found, (await new OfflineSireneDirectory(store).FindEtablissementAsync(SyntheticStock.Siret(299))).Status);
    }

    [Fact]
    public void A_zip_without_exactly_one_csv_is_refused_with_its_name()
    {
        var zip = _dir.File("empty.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create)) archive.CreateEntry("readme.txt");

        var error = Assert.Throws<StockFileFormatException>(() => StockFile.FromPath(zip));
        Assert.Contains("empty.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_with_a_wrong_field_count_or_siret_are_rejected_with_reasons_and_lines()
    {
        var (etablissements, unitesLegales) = Files(10);
        await File.AppendAllTextAsync(etablissements, "1,2,3\n" + string.Join(',', Enumerable.Repeat("", 53).Prepend("ABC")) + "\n");
        var store = _dir.File("sirene.db");

        var result = await SireneStockImporter.ImportAsync(etablissements, unitesLegales, store);

        Assert.Equal(10, result.Etablissements);
        Assert.Equal(2, result.Rejected);
        Assert.Equal(1, result.RejectionsByReason["3 champs au lieu de 54"]);
        Assert.Equal(1, result.RejectionsByReason["SIRET absent ou différent de 14 chiffres"]);
        Assert.Equal([12L, 13L], result.RejectionSamples.Select(s => s.Line));
    }

    [Fact]
    public async Task A_malformed_file_stops_the_import_and_leaves_the_previous_store_in_place()
    {
        var store = _dir.File("sirene.db");
        await OfflineSireneStore.EnsureCreatedAsync(store, seedDemoData: true);
        var (etablissements, unitesLegales) = Files(10);
        await File.AppendAllTextAsync(etablissements, "\"unterminated,\n");

        var error = await Assert.ThrowsAsync<StockFileFormatException>(() => SireneStockImporter.ImportAsync(etablissements, unitesLegales, store));

        Assert.Contains("StockEtablissement_utf8.csv, ligne 12", error.Message, StringComparison.Ordinal);
        Assert.Equal("demo", (await OfflineSireneStore.ReadInfoAsync(store))!.Source);
        Assert.Single(Directory.GetFiles(_dir.Path, "sirene.db*"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_stock_file_is_refused_by_its_header()
    {
        var wrong = _dir.File("wrong.csv");
        await File.WriteAllTextAsync(wrong, "a,b\n1,2\n");
        var (_, unitesLegales) = Files(1);

        var error = await Assert.ThrowsAsync<StockFileFormatException>(() => SireneStockImporter.ImportAsync(wrong, unitesLegales, _dir.File("s.db")));

        Assert.Contains("siret", error.Message, StringComparison.Ordinal);
        Assert.Contains("wrong.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_already_open_sees_the_new_store_after_an_import()
    {
        var store = _dir.File("sirene.db");
        await OfflineSireneStore.EnsureCreatedAsync(store, seedDemoData: true);
        var directory = new OfflineSireneDirectory(store);
        Assert.Equal(SireneLookupStatus.NotFound, (await directory.FindEtablissementAsync(SyntheticStock.Siret(2))).Status);
        var (etablissements, unitesLegales) = Files(20);

        await SireneStockImporter.ImportAsync(etablissements, unitesLegales, store);

        Assert.Equal(SireneLookupStatus.Found, (await directory.FindEtablissementAsync(SyntheticStock.Siret(2))).Status);
        Assert.Equal(SireneLookupStatus.NotFound, (await directory.FindEtablissementAsync("84321765400014")).Status);
    }

    [Fact]
    public async Task Progress_is_reported_by_bytes_up_to_the_total_of_both_files()
    {
        var (etablissements, unitesLegales) = Files();
        var reports = new List<SireneImportProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await SireneStockImporter.ImportAsync(etablissements, unitesLegales, _dir.File("sirene.db"), progress);

        var total = new FileInfo(etablissements).Length + new FileInfo(unitesLegales).Length;
        Assert.All(reports, r => Assert.Equal(total, r.TotalBytes));
        Assert.Equal(SireneImportPhase.Done, reports[^1].Phase);
        Assert.Equal(total, reports[^1].BytesRead);
        Assert.Equal(2 * Rows, reports[^1].Rows);
        Assert.Contains(reports, r => r.Phase == SireneImportPhase.BuildingIndexes);
        Assert.Contains(reports, r => r.Phase == SireneImportPhase.UnitesLegales && r.BytesRead > 0 && r.BytesRead < total);
    }

    [Fact]
    public async Task A_cancelled_import_leaves_no_temporary_file()
    {
        var (etablissements, unitesLegales) = Files();
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cts.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SireneStockImporter.ImportAsync(etablissements, unitesLegales, _dir.File("sirene.db"), progress, cts.Token));

        Assert.Empty(Directory.GetFiles(_dir.Path, "sirene.db*"));
    }

    [Fact]
    public async Task Stock_files_with_windows_line_ends_import_the_same()
    {
        var (etablissements, unitesLegales) = Files(50);
        await File.WriteAllTextAsync(etablissements, (await File.ReadAllTextAsync(etablissements)).Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(false));

        var result = await SireneStockImporter.ImportAsync(etablissements, unitesLegales, _dir.File("sirene.db"));

        Assert.Equal(50, result.Etablissements);
        Assert.Equal(0, result.Rejected);
    }

    private sealed class SynchronousProgress(Action<SireneImportProgress> report) : IProgress<SireneImportProgress>
    {
        public void Report(SireneImportProgress value) => report(value);
    }
}
