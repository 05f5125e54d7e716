namespace Cantate.Sirene.Stock;

/// <summary>
/// Maps the header row of a stock file by column name, so files with more or fewer columns (older 3.11 files
/// lack the NAF25 columns) read the same.
/// </summary>
internal sealed class StockHeader
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly string _fileName;

    private StockHeader(string fileName, string[] names)
    {
        _fileName = fileName;
        Names = names;
        for (var i = 0; i < names.Length; i++) _positions.TryAdd(names[i], i);
    }

    public string[] Names { get; }

    public int Count => Names.Length;

    public static StockHeader Read(StockCsvReader reader)
    {
        if (!reader.ReadRecord())
            throw new StockFileFormatException(reader.FileName, 1, 0, null, "fichier vide : la ligne d'en-tête manque");
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++) names[i] = reader[i].Trim().ToString();
        reader.ColumnNames = names;
        return new StockHeader(reader.FileName, names);
    }

    /// <summary>Position of a column the import cannot do without.</summary>
    public int Required(string name, string expectedFile) =>
        _positions.TryGetValue(name, out var i)
            ? i
            : throw new StockFileFormatException(_fileName, 1, 0, null,
                $"colonne « {name} » absente de l'en-tête : ce n'est pas un fichier {expectedFile} au format INSEE 3.11");

    /// <summary>Position of a column, or -1 when the file does not have it.</summary>
    public int Optional(string name) => _positions.TryGetValue(name, out var i) ? i : -1;
}
