using System.Buffers;
using System.Text;

namespace Cantate.Sirene.Stock;

/// <summary>
/// Streaming RFC 4180 reader for the INSEE stock files: quoted fields, doubled quotes, commas and line breaks
/// inside quotes, UTF-8 with or without BOM, CRLF or LF line ends. One record is held at a time, so memory
/// stays bounded whatever the file size. Fields are exposed as spans over a reused buffer: copy what you keep.
/// </summary>
public sealed class StockCsvReader : IDisposable
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\"\r\n");

    private readonly CountingStream _counter;
    private readonly StreamReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private int _bufferLength;
    private int _position;
    private bool _endOfInput;

    private char[] _record = new char[4096];
    private int _recordLength;
    private int[] _fieldEnds = new int[64];
    private int _fieldCount;
    private long _line = 1;
    private bool _skipLineFeed;

    /// <summary>Reads <paramref name="stream"/>; <paramref name="fileName"/> only names the file in error messages.</summary>
    public StockCsvReader(Stream stream, string fileName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FileName = fileName;
        _counter = new CountingStream(stream, leaveOpen);
        _reader = new StreamReader(_counter, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>Bytes consumed from the underlying stream so far (read ahead by up to one buffer).</summary>
    public long BytesRead => _counter.BytesRead;

    /// <summary>1-based line number at which the current record starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Names used to describe a field position in errors (usually the header), if known.</summary>
    public IReadOnlyList<string>? ColumnNames { get; set; }

    /// <summary>The field at <paramref name="index"/> of the current record, unquoted.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_fieldCount) throw new ArgumentOutOfRangeException(nameof(index));
            var start = index == 0 ? 0 : _fieldEnds[index - 1];
            return _record.AsSpan(start, _fieldEnds[index] - start);
        }
    }

    /// <summary>Reads the next record. Returns false at end of input. Blank lines are skipped.</summary>
    /// <exception cref="StockFileFormatException">The input is not well-formed CSV.</exception>
    public bool ReadRecord()
    {
        while (true)
        {
            if (!ReadRawRecord()) return false;
            if (_fieldCount == 1 && _fieldEnds[0] == 0 && !_lastRecordHadQuotes) continue;
            return true;
        }
    }

    private bool _lastRecordHadQuotes;
    private long _quoteLine;

    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    private bool ReadRawRecord()
    {
        _recordLength = 0;
        _fieldCount = 0;
        _lastRecordHadQuotes = false;
        var state = State.FieldStart;
        var started = false;

        while (true)
        {
            if (_position >= _bufferLength)
            {
                if (!Fill())
                {
                    switch (state)
                    {
                        case State.Quoted:
                            throw Error("guillemet ouvrant sans guillemet fermant avant la fin du fichier", _quoteLine);
                        case State.FieldStart when !started:
                            return false;
                        default:
                            EndField();
                            return true;
                    }
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            if (!started)
            {
                started = true;
                RecordLine = _line;
            }

            var span = _buffer.AsSpan(_position, _bufferLength - _position);
            switch (state)
            {
                case State.FieldStart:
                    if (span[0] == '"')
                    {
                        _position++;
                        _lastRecordHadQuotes = true;
                        _quoteLine = _line;
                        state = State.Quoted;
                    }
                    else
                    {
                        state = State.Unquoted;
                    }
                    break;

                case State.Unquoted:
                {
                    var stop = span.IndexOfAny(UnquotedStops);
                    if (stop < 0)
                    {
                        Append(span);
                        _position = _bufferLength;
                        break;
                    }
                    Append(span[..stop]);
                    _position += stop + 1;
                    switch (span[stop])
                    {
                        case ',':
                            EndField();
                            state = State.FieldStart;
                            break;
                        case '"':
                            throw Error("guillemet au milieu d'un champ non entre guillemets");
                        case '\r':
                            _skipLineFeed = true;
                            _line++;
                            EndField();
                            return true;
                        default:
                            _line++;
                            EndField();
                            return true;
                    }
                    break;
                }

                case State.Quoted:
                {
                    var quote = span.IndexOf('"');
                    var chunk = quote < 0 ? span : span[..quote];
                    _line += chunk.Count('\n');
                    Append(chunk);
                    if (quote < 0)
                    {
                        _position = _bufferLength;
                    }
                    else
                    {
                        _position += quote + 1;
                        state = State.QuoteInQuoted;
                    }
                    break;
                }

                case State.QuoteInQuoted:
                {
                    var c = span[0];
                    _position++;
                    switch (c)
                    {
                        case '"':
                            Append("\"");
                            state = State.Quoted;
                            break;
                        case ',':
                            EndField();
                            state = State.FieldStart;
                            break;
                        case '\r':
                            _skipLineFeed = true;
                            _line++;
                            EndField();
                            return true;
                        case '\n':
                            _line++;
                            EndField();
                            return true;
                        default:
                            throw Error($"caractère « {c} » après le guillemet fermant (un guillemet dans un champ doit être doublé)");
                    }
                    break;
                }
            }
        }
    }

    private bool Fill()
    {
        if (_endOfInput) return false;
        _bufferLength = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (_bufferLength == 0)
        {
            _endOfInput = true;
            return false;
        }
        return true;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        if (_recordLength + chars.Length > _record.Length)
        {
            if (_recordLength + chars.Length > 1 << 24)
                throw Error("enregistrement de plus de 16 millions de caractères (guillemet non fermé ?)");
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + chars.Length));
        }
        chars.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += chars.Length;
    }

    private void EndField()
    {
        if (_fieldCount == _fieldEnds.Length) Array.Resize(ref _fieldEnds, _fieldEnds.Length * 2);
        _fieldEnds[_fieldCount++] = _recordLength;
    }

    private StockFileFormatException Error(string problem, long? line = null)
    {
        var column = _fieldCount + 1;
        var name = ColumnNames is { } names && _fieldCount < names.Count ? names[_fieldCount] : null;
        return new StockFileFormatException(FileName, line ?? _line, column, name, problem);
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private sealed class CountingStream(Stream inner, bool leaveOpen) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            BytesRead += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>A stock file is not in the expected format. The message names the file, line and column.</summary>
public sealed class StockFileFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StockFileFormatException(string fileName, long line, int column, string? columnName, string problem)
        : base(Describe(fileName, line, column, columnName, problem))
    {
        FileName = fileName;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Problem = problem;
    }

    /// <summary>File in which the problem was found.</summary>
    public string FileName { get; }
    /// <summary>1-based line.</summary>
    public long Line { get; }
    /// <summary>1-based field position (0 when the problem concerns the whole line).</summary>
    public int Column { get; }
    /// <summary>Header name of the column, when known.</summary>
    public string? ColumnName { get; }
    /// <summary>What is wrong, in French.</summary>
    public string Problem { get; }

    private static string Describe(string file, long line, int column, string? name, string problem)
    {
        var where = column <= 0 ? "" : name is null ? $", colonne {column}" : $", colonne {column} ({name})";
        return $"{file}, ligne {line}{where} : {problem}";
    }
}
