using System.Text;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>Byte- and XML-aware mutations of seed files, as a fuzzer would make them.</summary>
internal static class Mutator
{
    private static readonly byte[][] Tokens =
    [
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"u8.ToArray(),
        "&a;"u8.ToArray(),
        "<![CDATA["u8.ToArray(),
        "]]>"u8.ToArray(),
        "<x>"u8.ToArray(),
        "</x>"u8.ToArray(),
        "\uFEFF"u8.ToArray(),
        "-99999999999999999999999999999.999999"u8.ToArray(),
        "1E400"u8.ToArray(),
        "NaN"u8.ToArray(),
        " currencyID=\"\""u8.ToArray(),
        "xmlns=\"\""u8.ToArray(),
        "%PDF-1.7\n"u8.ToArray(),
        "endobj"u8.ToArray(),
        "stream\n"u8.ToArray(),
        "/Length 999999999"u8.ToArray(),
        [0],
        [0xFF, 0xFE],
    ];

    public static byte[] Mutate(IReadOnlyList<byte[]> seeds, Random random)
    {
        var data = new List<byte>(seeds[random.Next(seeds.Count)]);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            switch (random.Next(10))
            {
                case 0:
                    FlipBits(data, random);
                    break;
                case 1 when data.Count > 0:
                    var from = random.Next(data.Count);
                    data.RemoveRange(from, Math.Min(random.Next(1, 64), data.Count - from));
                    break;
                case 2:
                    data.InsertRange(random.Next(data.Count + 1), Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3 when data.Count > 2:
                    var start = random.Next(data.Count);
                    var length = Math.Min(random.Next(1, 512), data.Count - start);
                    data.InsertRange(random.Next(data.Count + 1), data.GetRange(start, length));
                    break;
                case 4 when data.Count > 0:
                    var truncateAt = random.Next(data.Count);
                    data.RemoveRange(truncateAt, data.Count - truncateAt);
                    break;
                case 5:
                    var other = seeds[random.Next(seeds.Count)];
                    var at = random.Next(data.Count + 1);
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.Skip(random.Next(other.Length + 1)));
                    break;
                case 6:
                    ReplaceNumbers(data, random);
                    break;
                case 7:
                    Nest(data, random);
                    break;
                case 8 when data.Count > 0:
                    data[random.Next(data.Count)] = (byte)"<>&\"'/=:. 0123456789-"[random.Next(21)];
                    break;
                default:
                    FlipBits(data, random);
                    break;
            }
        }

        return [.. data];
    }

    private static void FlipBits(List<byte> data, Random random)
    {
        for (var i = 0; i < 1 + random.Next(8) && data.Count > 0; i++)
        {
            var at = random.Next(data.Count);
            data[at] ^= (byte)(1 << random.Next(8));
        }
    }

    private static void ReplaceNumbers(List<byte> data, Random random)
    {
        var text = Encoding.Latin1.GetString([.. data]);
        var index = text.IndexOf('>', random.Next(Math.Max(1, text.Length)));
        if (index < 0 || index + 1 >= text.Length || !char.IsAsciiDigit(text[index + 1]))
        {
            return;
        }

        var end = index + 1;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        string[] replacements = ["", "-0", "0.000001", "99999999999999999999999", "1.2.3", "abc", " 12 ", "+5", ".5"];
        var replaced = text[..(index + 1)] + replacements[random.Next(replacements.Length)] + text[end..];
        data.Clear();
        data.AddRange(Encoding.Latin1.GetBytes(replaced));
    }

    private static void Nest(List<byte> data, Random random)
    {
        var depth = random.Next(10, 200);
        var open = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<a>", depth)));
        var close = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("</a>", depth)));
        var at = random.Next(data.Count + 1);
        data.InsertRange(at, [.. open, .. close]);
    }
}
