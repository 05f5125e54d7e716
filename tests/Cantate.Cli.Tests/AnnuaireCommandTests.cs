using System.Text;
using Cantate.Testing;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Cantate.Cli.Tests;

/// <summary><c>cantate annuaire import|export</c>.</summary>
public abstract class AnnuaireCommandTests(TestDatabase database) : CliTest(database)
{
    private const string Header = "siret,raison_sociale,adresse,code_postal,ville,code_service_obligatoire,engagement_juridique_obligatoire,service_ou_engagement,statut_mise_en_paiement_non_remonte,actif,code_service,libelle_service,engagement_juridique_obligatoire_service,service_actif";

    private string Write(string name, params string[] lines)
    {
        File.WriteAllText(PathOf(name), Header + "\n" + string.Join("\n", lines) + "\n", new UTF8Encoding(true));
        return PathOf(name);
    }

    [Fact]
    public async Task Import_reports_what_it_changed_and_a_second_import_changes_nothing()
    {
        var file = Write("annuaire.csv",
            "13002526500013,DIRECTION INTERMINISTERIELLE DU NUMERIQUE,20 AVENUE DE SEGUR,75007,PARIS 7,true,false,false,false,true,DINUM-ACHATS,Achats,false,true",
            "1234,SIRET TROP COURT,,,,false,false,false,false,true,,,,",
            "21920023500014,COMMUNE DE CLAMART,1 PLACE MAURICE GUNSBOURG,92140,CLAMART,false,true,false,false,true,,,,");

        var first = await RunAsync("annuaire", "import", file);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("structures : 2 créée(s), 0 mise(s) à jour, 0 inchangée(s)", first.Output);
        Assert.Contains("services : 3 créé(s), 0 mis à jour, 0 inchangé(s)", first.Output);
        Assert.Contains("lignes rejetées : 1", first.Output);
        Assert.Contains("ligne 3 : SIRET 1234 invalide (14 chiffres attendus)", first.Output);

        var second = await RunAsync("annuaire", "import", file);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("structures : 0 créée(s), 0 mise(s) à jour, 2 inchangée(s)", second.Output);
        Assert.Contains("services : 0 créé(s), 0 mis à jour, 1 inchangé(s)", second.Output);
    }

    [Fact]
    public async Task Export_writes_every_public_structure_in_the_import_format()
    {
        var file = Write("annuaire.csv",
            "20000001600010,\"REGION BRETAGNE, \"\"CONSEIL\"\"\",283 AVENUE DU GENERAL PATTON,35000,RENNES,false,false,true,false,true,,,,");
        Assert.Equal(0, (await RunAsync("annuaire", "import", file)).ExitCode);

        var (exit, output, _) = await RunAsync("annuaire", "export", PathOf("export.csv"));
        Assert.Equal(0, exit);
        Assert.Contains("1 structure(s) publique(s)", output);
        Assert.Equal(
            Header + "\n" +
            "20000001600010,\"REGION BRETAGNE, \"\"CONSEIL\"\"\",283 AVENUE DU GENERAL PATTON,35000,RENNES,false,false,true,false,true,FACTURES_PUBLIQUES,Service des factures publiques,false,true\n",
            await File.ReadAllTextAsync(PathOf("export.csv")));

        var again = await RunAsync("annuaire", "import", PathOf("export.csv"));
        Assert.Contains("structures : 0 créée(s), 0 mise(s) à jour, 1 inchangée(s)", again.Output);
    }

    [Fact]
    public async Task A_file_that_cannot_be_imported_exits_1_names_the_problem_and_changes_nothing()
    {
        var unknown = PathOf("colonnes.csv");
        await File.WriteAllTextAsync(unknown, Header.Replace("ville", "commune", StringComparison.Ordinal) + "\n");
        var columns = await RunAsync("annuaire", "import", unknown);
        Assert.Equal(1, columns.ExitCode);
        Assert.Contains("Colonne inconnue « commune »", columns.Error);
        Assert.Contains("Colonne manquante « ville »", columns.Error);

        var broken = Write("casse.csv",
            "21920023500014,COMMUNE DE CLAMART,,,,false,true,false,false,true,,,,",
            "24440001600014,\"NANTES METROPOLE,,,,false,false,false,false,true,,,,");
        var malformed = await RunAsync("annuaire", "import", broken);
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("l'annuaire est inchangé", malformed.Error);
        Assert.Contains("guillemet", malformed.Error);

        var missing = await RunAsync("annuaire", "import", PathOf("absent.csv"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Impossible de lire", missing.Error);

        Assert.Equal(0, (await RunAsync("annuaire", "export", PathOf("export.csv"))).ExitCode);
        Assert.Equal(Header + "\n", await File.ReadAllTextAsync(PathOf("export.csv")));
    }

    [Theory]
    [InlineData("annuaire")]
    [InlineData("annuaire", "import")]
    [InlineData("annuaire", "import", "a.csv", "b.csv")]
    [InlineData("annuaire", "export")]
    [InlineData("annuaire", "import", "--inconnue", "a.csv")]
    public async Task A_wrong_command_line_exits_2_with_a_message(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.NotEmpty(error.Trim());
    }
}

public sealed class AnnuaireCommandOnSqliteTests() : AnnuaireCommandTests(TestDatabase.Sqlite);

public sealed class AnnuaireCommandOnPostgresTests() : AnnuaireCommandTests(TestDatabase.Postgres);
