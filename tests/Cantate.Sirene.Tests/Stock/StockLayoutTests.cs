using Cantate.Sirene.Bench;
using Cantate.Sirene.Offline;
using Cantate.Sirene.Stock;

namespace Cantate.Sirene.Tests.Stock;

/// <summary>The demo extract and the synthetic files follow INSEE's published column layouts.</summary>
public class StockLayoutTests
{
    private static List<string> Layout(string descriptor)
    {
        using var reader = new StockCsvReader(File.OpenRead(TestFiles.SireneSample(descriptor)), descriptor);
        reader.ReadRecord();
        var names = new List<string>();
        while (reader.ReadRecord()) names.Add(reader[0].Trim().ToString());
        return names;
    }

    private static List<string> Header(StockFile file)
    {
        using var reader = new StockCsvReader(file.Open(), file.Name);
        reader.ReadRecord();
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString()).ToList();
    }

    [Fact]
    public void The_demo_etablissement_file_has_the_54_insee_columns_in_order()
    {
        var layout = Layout("stocketablissement-311-dessin-de-fichier.csv");
        Assert.Equal(54, layout.Count);
        Assert.Equal(layout, Header(OfflineSireneStore.DemoEtablissements()));
        Assert.Equal(layout, SyntheticStock.EtablissementColumns);
    }

    [Fact]
    public void The_demo_unite_legale_file_has_the_35_insee_columns_in_order()
    {
        var layout = Layout("stockunitelegale-311-dessin-de-fichier.csv");
        Assert.Equal(35, layout.Count);
        Assert.Equal(layout, Header(OfflineSireneStore.DemoUnitesLegales()));
        Assert.Equal(layout, SyntheticStock.UniteLegaleColumns);
    }
}
