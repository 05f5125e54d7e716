using System.Globalization;
using Cantate.Sirene;
using Cantate.Sirene.Stock;

namespace Cantate.Web.Modules.Annuaire;

/// <summary>The whole file cannot be imported (unreadable CSV, unknown or missing column): nothing was changed.</summary>
public sealed class AnnuaireFileException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>A line of the file: the row when it is acceptable, otherwise why it is rejected.</summary>
public readonly record struct AnnuaireLine(long Number, AnnuaireRow? Row, string? Rejection);

/// <summary>
/// Streams an annuaire file line by line (one record in memory at a time) and checks each line on its own:
/// SIRET rules, booleans, lengths and the service code's characters. Columns are found by their header name.
/// </summary>
public sealed class AnnuaireFileReader : IDisposable
{
    public const int MaxServiceCodeLength = 100;
    private readonly StockCsvReader _csv;
    private readonly int[] _index;

    /// <exception cref="AnnuaireFileException">The header is missing, or a column is unknown, missing or repeated.</exception>
    public AnnuaireFileReader(Stream stream, string fileName)
    {
        _csv = new StockCsvReader(stream, fileName, leaveOpen: true);
        if (!Read()) throw new AnnuaireFileException([$"{fileName} est vide : la première ligne doit nommer les colonnes ({AnnuaireCsv.Header})."]);
        var names = Enumerable.Range(0, _csv.FieldCount).Select(i => _csv[i].Trim().ToString()).ToList();
        var errors = new List<string>();
        errors.AddRange(names.Where(n => !AnnuaireCsv.Columns.Contains(n)).Select(n => $"Colonne inconnue « {n} » : les colonnes attendues sont {AnnuaireCsv.Header}."));
        errors.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"Colonne « {g.Key} » en double."));
        errors.AddRange(AnnuaireCsv.Columns.Where(c => !names.Contains(c)).Select(c => $"Colonne manquante « {c} » : ajoutez-la à la ligne d'en-tête."));
        if (errors.Count > 0) throw new AnnuaireFileException(errors);
        _index = AnnuaireCsv.Columns.Select(c => names.IndexOf(c)).ToArray();
        _csv.ColumnNames = names;
    }

    /// <summary>The next line, or null at the end of the file.</summary>
    /// <exception cref="AnnuaireFileException">The CSV itself is malformed (an unclosed quote...).</exception>
    public AnnuaireLine? Next()
    {
        if (!Read()) return null;
        var line = _csv.RecordLine;
        if (_csv.FieldCount != _index.Length)
            return Reject(line, $"{_csv.FieldCount} champs au lieu de {_index.Length} (une virgule dans une valeur doit être entre guillemets)");
        string? Text(int column) => _csv[_index[column]].Trim() is { Length: > 0 } value ? value.ToString() : null;

        var siret = SiretRules.Normalize(Text(0));
        switch (SiretRules.Check(siret))
        {
            case SiretProblem.Empty: return Reject(line, "SIRET absent");
            case SiretProblem.NotFourteenDigits: return Reject(line, $"SIRET {siret} invalide (14 chiffres attendus)");
            case SiretProblem.BadCheckKey: return Reject(line, $"SIRET {siret} invalide (clé de contrôle fausse)");
        }
        var name = Text(1);
        if (name is null) return Reject(line, "raison sociale absente");
        foreach (var (column, max) in new[] { (1, 200), (2, 200), (3, 10), (4, 100) })
        {
            if (Text(column) is { } value && value.Length > max)
                return Reject(line, $"{AnnuaireCsv.Columns[column]} trop long ({max} caractères au plus)");
        }
        var flags = new bool[14];
        foreach (var column in new[] { 5, 6, 7, 8, 9 })
        {
            if (AnnuaireCsv.ParseBoolean(_csv[_index[column]]) is not { } flag)
                return Reject(line, $"{AnnuaireCsv.Columns[column]} « {Text(column)} » invalide (true ou false attendu)");
            flags[column] = flag;
        }

        var code = Text(10);
        var label = Text(11);
        if (code is null)
        {
            if (label is not null || Text(12) is not null || Text(13) is not null)
                return Reject(line, "colonnes du service remplies sans code_service");
        }
        else
        {
            if (ServiceCodes.Problem(code) is { } problem) return Reject(line, problem);
            if (label is null) return Reject(line, $"libelle_service absent pour le service {code}");
            if (label.Length > 200) return Reject(line, "libelle_service trop long (200 caractères au plus)");
            foreach (var column in new[] { 12, 13 })
            {
                if (AnnuaireCsv.ParseBoolean(_csv[_index[column]]) is not { } flag)
                    return Reject(line, $"{AnnuaireCsv.Columns[column]} « {Text(column)} » invalide (true ou false attendu)");
                flags[column] = flag;
            }
            if (code == StructureService.DefaultCode && !flags[13])
                return Reject(line, $"le service {StructureService.DefaultCode} ne peut pas être désactivé");
        }
        return new AnnuaireLine(line, new AnnuaireRow(siret, name, Text(2), Text(3), Text(4),
            flags[5], flags[6], flags[7], flags[8], flags[9], code, label, flags[12], code is null || flags[13]), null);
    }

    private bool Read()
    {
        try
        {
            return _csv.ReadRecord();
        }
        catch (StockFileFormatException ex)
        {
            throw new AnnuaireFileException([ex.Message]);
        }
    }

    private static AnnuaireLine Reject(long line, string reason) =>
        new(line, null, string.Create(CultureInfo.InvariantCulture, $"ligne {line} : {reason}"));

    public void Dispose() => _csv.Dispose();
}

/// <summary>What a service code may hold: it goes in BT-10 (100 characters at most).</summary>
public static class ServiceCodes
{
    /// <summary>Null when the code is acceptable, otherwise what is wrong, in French.</summary>
    public static string? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length > AnnuaireFileReader.MaxServiceCodeLength) return $"code service trop long ({AnnuaireFileReader.MaxServiceCodeLength} caractères au plus)";
        if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            return $"code service « {code} » invalide (lettres sans accent, chiffres, _ et - seulement)";
        return null;
    }
}
