using System.Text;
using Cantate.Sirene.Stock;

namespace Cantate.Sirene.Tests.Stock;

public class StockCsvReaderTests
{
    private static List<string[]> ReadAll(string csv, bool bom = false, bool trickle = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (bom) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        Stream stream = trickle ? new TrickleStream(bytes) : new MemoryStream(bytes);
        using var reader = new StockCsvReader(stream, "test.csv");
        var records = new List<string[]>();
        while (reader.ReadRecord())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader[i].ToString();
            records.Add(fields);
        }
        return records;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Quoted_fields_may_hold_commas_doubled_quotes_and_line_breaks(bool bom, bool trickle)
    {
        var records = ReadAll("a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",\"line1\r\nline2\"\nplain,,end\n", bom, trickle);

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b", "c"], records[0]);
        Assert.Equal(["x, y", "he said \"hi\"", "line1\r\nline2"], records[1]);
        Assert.Equal(["plain", "", "end"], records[2]);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var records = ReadAll("siren,nic\n123,456\n", bom: true);
        Assert.Equal("siren", records[0][0]);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\n1,2")]
    [InlineData("a,b\r\n1,2\r\n\r\n")]
    public void Crlf_lf_a_missing_final_line_break_and_trailing_blank_lines_read_the_same(string csv)
    {
        var records = ReadAll(csv);
        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "2"], records[1]);
    }

    [Fact]
    public void An_empty_quoted_field_and_a_trailing_empty_field_are_kept()
    {
        var records = ReadAll("a,b,c\n\"\",x,\n");
        Assert.Equal(["", "x", ""], records[1]);
    }

    [Fact]
    public void A_field_longer_than_the_read_buffer_is_read_whole()
    {
        var big = new string('z', 200_000);
        var records = ReadAll($"a,b\n\"{big}\",{big}\n");
        Assert.Equal(big, records[1][0]);
        Assert.Equal(big, records[1][1]);
    }

    [Fact]
    public void Accented_characters_are_decoded_as_utf8_even_when_split_across_reads()
    {
        var records = ReadAll("nom\nÉCOLE DES ARTS ET MÉTIERS – ÎLE\n", trickle: true);
        Assert.Equal("ÉCOLE DES ARTS ET MÉTIERS – ÎLE", records[1][0]);
    }

    [Fact]
    public void The_record_line_counts_line_breaks_inside_quoted_fields()
    {
        using var reader = new StockCsvReader(new MemoryStream(Encoding.UTF8.GetBytes("h\n\"a\nb\nc\"\nnext\n")), "t.csv");
        reader.ReadRecord();
        reader.ReadRecord();
        Assert.Equal(2, reader.RecordLine);
        reader.ReadRecord();
        Assert.Equal(5, reader.RecordLine);
    }

    [Fact]
    public void An_unclosed_quote_names_the_file_line_and_column()
    {
        var error = Assert.Throws<StockFileFormatException>(() => ReadAll("a,b\n1,\"open\nstill open\n"));
        Assert.Equal("test.csv", error.FileName);
        Assert.Equal(2, error.Column);
        Assert.Contains("test.csv, ligne", error.Message, StringComparison.Ordinal);
        Assert.Contains("guillemet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_malformed()
    {
        var error = Assert.Throws<StockFileFormatException>(() => ReadAll("a,b\n\"x\"y,2\n"));
        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_reported_with_the_column_name()
    {
        using var reader = new StockCsvReader(new MemoryStream(Encoding.UTF8.GetBytes("siren,denominationUniteLegale\n1,BAD\"NAME\n")), "StockUniteLegale.csv");
        reader.ReadRecord();
        reader.ColumnNames = ["siren", "denominationUniteLegale"];
        var error = Assert.Throws<StockFileFormatException>(() => reader.ReadRecord());
        Assert.Equal("denominationUniteLegale", error.ColumnName);
        Assert.Equal("StockUniteLegale.csv, ligne 2, colonne 2 (denominationUniteLegale) : guillemet au milieu d'un champ non entre guillemets", error.Message);
    }

    [Fact]
    public void Bytes_read_reaches_the_stream_length_at_the_end()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,2\n");
        using var reader = new StockCsvReader(new MemoryStream(bytes), "t.csv");
        while (reader.ReadRecord()) { }
        Assert.Equal(bytes.Length, reader.BytesRead);
    }

    /// <summary>Returns one byte per read, to cut records at every possible place.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
    }
}
