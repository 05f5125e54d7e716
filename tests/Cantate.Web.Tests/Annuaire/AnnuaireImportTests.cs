using System.Globalization;
using System.Text;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Annuaire.Features.ExportAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Annuaire;

public abstract class AnnuaireImportTests(TestDatabase database) : PortalTest(database)
{
    private static readonly string Header = AnnuaireCsv.Header;
    private const string Dinum = AnnuaireFiles.Dinum;
    private const string Clamart = AnnuaireFiles.Clamart;

    private static string File(params string[] lines) => AnnuaireFiles.File(lines);

    private Task<AnnuaireImportReport> ImportAsync(string content, bool bom = false) => AnnuaireFiles.ImportAsync(Factory, content, bom);

    private async Task<List<string>> ServicesOfAsync(string siret) =>
        (await Factory.QueryAsync(db => db.StructureServices.Where(x => db.Structures.Any(s => s.Id == x.StructureId && s.Siret == siret)).ToListAsync()))
            .OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => $"{x.Code}|{x.Label}|{x.EngagementRequired}|{x.IsActive}").ToList();

    [Fact]
    public async Task An_import_creates_public_structures_with_their_services_and_the_default_service()
    {
        var report = await ImportAsync(File(
            Dinum + ",DINUM-ACHATS,Achats,false,true",
            Dinum + ",DINUM-RH,Ressources humaines,true,true",
            Clamart + ",,,,"));

        Assert.Equal((2, 0, 0), (report.StructuresCreated, report.StructuresUpdated, report.StructuresUnchanged));
        Assert.Equal(4, report.ServicesCreated);
        Assert.Equal(0, report.RejectedRows);
        var dinum = await Factory.QueryAsync(db => db.Structures.SingleAsync(s => s.Siret == "13002526500013"));
        Assert.True(dinum.IsPublic && dinum.IsActive && dinum.ServiceCodeRequired && !dinum.EngagementRequired);
        Assert.Equal(("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", "20 AVENUE DE SEGUR", "75007", "PARIS 7"), (dinum.RaisonSociale, dinum.AddressLine, dinum.PostalCode, dinum.City));
        Assert.Equal(["DINUM-ACHATS|Achats|False|True", "DINUM-RH|Ressources humaines|True|True", "FACTURES_PUBLIQUES|Service des factures publiques|False|True"],
            await ServicesOfAsync("13002526500013"));
        Assert.Equal(["FACTURES_PUBLIQUES|Service des factures publiques|False|True"], await ServicesOfAsync("21920023500014"));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var content = File(Dinum + ",DINUM-ACHATS,Achats,false,true", Clamart + ",,,,");
        await ImportAsync(content);
        var again = await ImportAsync(content);
        Assert.Equal((0, 0, 2), (again.StructuresCreated, again.StructuresUpdated, again.StructuresUnchanged));
        Assert.Equal((0, 0, 1), (again.ServicesCreated, again.ServicesUpdated, again.ServicesUnchanged));
        Assert.Equal(2, await Factory.QueryAsync(db => db.Structures.CountAsync()));
        Assert.Equal(3, await Factory.QueryAsync(db => db.StructureServices.CountAsync()));
    }

    [Fact]
    public async Task A_changed_line_updates_the_structure_and_its_service_and_says_so()
    {
        await ImportAsync(File(Dinum + ",DINUM-ACHATS,Achats,false,true"));
        var report = await ImportAsync(File(Dinum.Replace("PARIS 7", "Paris", StringComparison.Ordinal) + ",DINUM-ACHATS,Achats publics,true,false"));
        Assert.Equal((0, 1, 0), (report.StructuresCreated, report.StructuresUpdated, report.StructuresUnchanged));
        Assert.Equal((0, 1, 0), (report.ServicesCreated, report.ServicesUpdated, report.ServicesUnchanged));
        Assert.Equal("Paris", await Factory.QueryAsync(db => db.Structures.Select(s => s.City).SingleAsync()));
        Assert.Contains("DINUM-ACHATS|Achats publics|True|False", await ServicesOfAsync("13002526500013"));
    }

    [Fact]
    public async Task Lines_that_break_a_rule_are_rejected_with_their_number_and_reason_and_the_others_are_imported()
    {
        var report = await ImportAsync(File(
            Dinum + ",DINUM-ACHATS,Achats,false,true",
            "1234,MAUVAIS SIRET,,,,false,false,false,false,true,,,,",
            "13002526500014,MAUVAISE CLE,,,,false,false,false,false,true,,,,",
            Clamart.Replace(",true,false,false,true", ",oui,false,false,true", StringComparison.Ordinal) + ",,,,",
            Dinum + ",DINUM ACHATS,Espace,false,true",
            Dinum + ",DINUM-ACHATS,Encore,false,true",
            Dinum.Replace("PARIS 7", "LYON", StringComparison.Ordinal) + ",DINUM-RH,RH,false,true",
            "24440001600014,NANTES METROPOLE,trop,de,champs,ici,false,false,false,false,true,,,,",
            Dinum + ",FACTURES_PUBLIQUES,Service des factures publiques,false,false",
            ",SANS SIRET,,,,false,false,false,false,true,,,,"));

        Assert.Equal(1, report.StructuresCreated);
        Assert.Equal(9, report.RejectedRows);
        Assert.Equal([
            "ligne 3 : SIRET 1234 invalide (14 chiffres attendus)",
            "ligne 4 : SIRET 13002526500014 invalide (clé de contrôle fausse)",
            "ligne 5 : engagement_juridique_obligatoire « oui » invalide (true ou false attendu)",
            "ligne 6 : code service « DINUM ACHATS » invalide (lettres sans accent, chiffres, _ et - seulement)",
            "ligne 7 : le service DINUM-ACHATS de la structure 13002526500013 figure déjà plus haut",
            "ligne 8 : les colonnes de la structure 13002526500013 diffèrent de celles de la ligne 2",
            "ligne 9 : 15 champs au lieu de 14 (une virgule dans une valeur doit être entre guillemets)",
            "ligne 10 : le service FACTURES_PUBLIQUES ne peut pas être désactivé",
            "ligne 11 : SIRET absent",
        ], report.Rejections);
    }

    [Fact]
    public async Task Quoted_values_with_commas_quotes_and_line_breaks_and_a_byte_order_mark_are_read()
    {
        var report = await ImportAsync(File(
            "13002526500013,\"DIRECTION \"\"NUMERIQUE\"\", INTERMINISTERIELLE\",\"20 AVENUE DE SEGUR\nBATIMENT B\",75007,PARIS 7,TRUE,False,false,false,true,DINUM-ACHATS,\"Achats, marchés\",false,true",
            "21920023500014,COMMUNE DE CLAMART,,,,false,false,false,false,true,,,,"), bom: true);
        Assert.Equal(0, report.RejectedRows);
        var dinum = await Factory.QueryAsync(db => db.Structures.SingleAsync(s => s.Siret == "13002526500013"));
        Assert.Equal("DIRECTION \"NUMERIQUE\", INTERMINISTERIELLE", dinum.RaisonSociale);
        Assert.Equal("20 AVENUE DE SEGUR\nBATIMENT B", dinum.AddressLine);
        Assert.Contains("DINUM-ACHATS|Achats, marchés|False|True", await ServicesOfAsync("13002526500013"));
        Assert.Null(await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == "21920023500014").Select(s => s.City).SingleAsync()));
    }

    [Fact]
    public async Task A_malformed_file_changes_nothing_even_after_whole_batches_were_written()
    {
        // 1,200 valid structures (more than two batches), then a quote that never closes.
        var lines = Enumerable.Range(0, 1200).Select(i => $"{ValidSiret(i)},STRUCTURE {i},,,,false,false,false,false,true,,,,").ToList();
        lines.Add("21920023500014,\"COMMUNE DE CLAMART,,,,false,false,false,false,true,,,,");
        var error = await Assert.ThrowsAsync<AnnuaireFileException>(() => ImportAsync(File([.. lines])));
        Assert.Contains("guillemet", error.Errors.Single());
        Assert.Equal(0, await Factory.QueryAsync(db => db.Structures.CountAsync()));
        Assert.Equal(0, await Factory.QueryAsync(db => db.StructureServices.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_or_missing_column_is_named_and_nothing_is_imported()
    {
        var content = Header.Replace("ville", "commune", StringComparison.Ordinal) + "\n" + Clamart + ",,,,\n";
        var error = await Assert.ThrowsAsync<AnnuaireFileException>(() => ImportAsync(content));
        Assert.Contains(error.Errors, e => e.Contains("Colonne inconnue « commune »", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("Colonne manquante « ville »", StringComparison.Ordinal));
        await Assert.ThrowsAsync<AnnuaireFileException>(() => ImportAsync(""));
        Assert.Equal(0, await Factory.QueryAsync(db => db.Structures.CountAsync()));
    }

    [Fact]
    public async Task An_export_imports_back_into_a_fresh_database_unchanged()
    {
        await ImportAsync(File(
            Dinum + ",DINUM-ACHATS,\"Achats, \"\"marchés\"\"\",false,true",
            Dinum + ",DINUM-RH,Ressources humaines,true,false",
            Clamart + ",,,,",
            "20000001600010,REGION BRETAGNE,283 AVENUE DU GENERAL PATTON,35000,RENNES,false,false,true,true,false,,,,"));
        var exported = await ExportAsync(Factory);

        await using var fresh = new CantateFactory(Factory.Database);
        await using (var scope = fresh.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ImportAnnuaire>()
                .HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(exported)), "export.csv", CancellationToken.None);
            Assert.Equal((3, 0), (report.StructuresCreated, report.RejectedRows));
        }
        Assert.Equal(exported, await ExportAsync(fresh));
        Assert.Contains("\"Achats, \"\"marchés\"\"\"", exported);
        Assert.Equal(6, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static async Task<string> ExportAsync(CantateFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ExportAnnuaire>().HandleAsync(output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>A SIRET with a valid Luhn key, different for each number.</summary>
    internal static string ValidSiret(int n)
    {
        var body = "9" + n.ToString("D12", CultureInfo.InvariantCulture);
        for (var key = 0; key < 10; key++)
        {
            var candidate = body + key.ToString(CultureInfo.InvariantCulture);
            if (Cantate.Sirene.SiretRules.IsValidSiret(candidate)) return candidate;
        }
        throw new InvalidOperationException(body);
    }
}

public sealed class AnnuaireImportOnSqliteTests() : AnnuaireImportTests(TestDatabase.Sqlite);

public sealed class AnnuaireImportOnPostgresTests() : AnnuaireImportTests(TestDatabase.Postgres);
