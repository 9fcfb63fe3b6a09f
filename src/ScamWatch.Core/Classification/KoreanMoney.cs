using System.Globalization;
using System.Text.RegularExpressions;

namespace ScamWatch.Classification;

/// <summary>Reads Korean pay amounts from normalised text: "월 1,000만원", "천만", "일당 50만", "1억5천", "800~1500만".</summary>
public static partial class KoreanMoney
{
    public static IReadOnlyList<MoneyMention> Find(string normalized)
    {
        var result = new List<MoneyMention>();
        foreach (Match m in AmountRegex().Matches(normalized))
        {
            var won = Evaluate(m.Groups["amount"].Value);
            if (m.Groups["low"].Success && won > 0)
            {
                // "800~1500만": the first number borrows the unit of the second; keep the lower, stated floor.
                var unitScale = UnitScale(m.Groups["amount"].Value);
                var low = ParseNumber(m.Groups["low"].Value) * unitScale;
                if (low > 0 && low < won)
                {
                    won = (long)low;
                }
            }

            if (won < 1000 || won > 100_000_000_000)
            {
                continue;
            }

            var period = PeriodBefore(normalized, m.Index) ?? PeriodAfter(normalized, m.Index + m.Length);
            result.Add(new MoneyMention(won, period ?? PayPeriod.Unknown, m.Index, m.Length, m.Value));
        }

        // Colloquial pay without a unit: "월 1000" and "月800" mean 만원 a month, "일당 50" 만원 a day.
        foreach (Match m in BareAmountRegex().Matches(normalized))
        {
            var n = long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var monthly = m.Groups["p"].Value is "월" or "月" or "월급" or "월수입";
            if ((monthly && n is >= 100 and <= 9999) || (!monthly && n is >= 5 and <= 300))
            {
                var g = m.Groups["n"];
                result.Add(new MoneyMention(n * 10_000, monthly ? PayPeriod.Month : PayPeriod.Day, g.Index, g.Length, g.Value));
            }
        }

        return result;
    }

    /// <summary>Evaluates a Korean amount such as "1억5천만원", "천만", "1,000만", "50만원" or "2,000,000원" in won.</summary>
    public static long Evaluate(string amount)
    {
        decimal total = 0, section = 0, current = 0;
        var sawDigitOrUnit = false;
        var i = 0;
        while (i < amount.Length)
        {
            var c = amount[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < amount.Length && (char.IsAsciiDigit(amount[i]) || amount[i] is ',' or '.'))
                {
                    i++;
                }

                current = ParseNumber(amount[start..i]);
                sawDigitOrUnit = true;
                continue;
            }

            var digit = "일이삼사오육칠팔구".IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                current = digit + 1;
            }
            else if (c is '십' or '백' or '천')
            {
                var unit = c switch { '십' => 10m, '백' => 100m, _ => 1000m };
                section += (current == 0 ? 1 : current) * unit;
                current = 0;
                sawDigitOrUnit = true;
            }
            else if (c is '만' or '억')
            {
                var unit = c == '만' ? 10_000m : 100_000_000m;
                var value = section + current;
                total += (value == 0 ? 1 : value) * unit;
                section = current = 0;
                sawDigitOrUnit = true;
            }

            i++;
        }

        total += section + current;
        return sawDigitOrUnit ? (long)Math.Min(total, long.MaxValue / 2) : 0;
    }

    private static decimal UnitScale(string amount)
    {
        var firstUnit = amount.FirstOrDefault(c => c is '억' or '만' or '천');
        return firstUnit switch { '억' => 100_000_000m, '만' => 10_000m, '천' when amount.Contains('만') => 10_000_000m, _ => 1m };
    }

    private static decimal ParseNumber(string digits) =>
        decimal.TryParse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;

    private static PayPeriod? PeriodBefore(string text, int index)
    {
        var start = Math.Max(0, index - 12);
        var window = text[start..index];
        PayPeriod? found = null;
        var best = -1;
        foreach (var (word, period) in PeriodWords)
        {
            var at = window.LastIndexOf(word, StringComparison.Ordinal);
            if (at > best)
            {
                best = at;
                found = period;
            }
        }

        return found;
    }

    private static PayPeriod? PeriodAfter(string text, int index)
    {
        var window = text[index..Math.Min(text.Length, index + 6)];
        foreach (var (word, period) in PeriodSuffixes)
        {
            if (window.Contains(word, StringComparison.Ordinal))
            {
                return period;
            }
        }

        return null;
    }

    private static readonly (string Word, PayPeriod Period)[] PeriodWords =
    [
        ("시급", PayPeriod.Hour), ("시간당", PayPeriod.Hour), ("일당", PayPeriod.Day), ("일급", PayPeriod.Day), ("하루", PayPeriod.Day),
        ("日", PayPeriod.Day), ("주급", PayPeriod.Week), ("월급", PayPeriod.Month), ("월수입", PayPeriod.Month), ("월 ", PayPeriod.Month),
        ("월", PayPeriod.Month), ("月", PayPeriod.Month), ("매달", PayPeriod.Month), ("한달", PayPeriod.Month), ("한 달", PayPeriod.Month),
        ("연봉", PayPeriod.Year), ("년봉", PayPeriod.Year), ("연 ", PayPeriod.Year), ("1년", PayPeriod.Year),
    ];

    private static readonly (string Word, PayPeriod Period)[] PeriodSuffixes =
    [
        ("/월", PayPeriod.Month), ("/일", PayPeriod.Day), ("/주", PayPeriod.Week), ("/년", PayPeriod.Year), ("/시간", PayPeriod.Hour),
        ("/h", PayPeriod.Hour),
    ];

    [GeneratedRegex(@"(?<p>월급|월수입|월|月|일당|日)\s?(?:최소\s?|평균\s?)?(?<n>\d{1,4})(?![\d,.]|\s?(?:만|억|천|원|시|일|주|개|명|세|살|년|월|%|~|-|x|h))")]
    private static partial Regex BareAmountRegex();

    [GeneratedRegex(@"(?:(?<low>\d[\d,]*)\s*[~\-]\s*)?(?<amount>(?:\d[\d,]*(?:\.\d+)?|[일이삼사오육칠팔구]?[십백천])\s*(?:억|만)(?:\s*(?:\d[\d,]*|[일이삼사오육칠팔구]?[천백십])\s*(?:천|백|만)?)*(?:\s*원)?|\d{1,3}(?:,\d{3}){1,}\s*원|\d{4,}\s*원)")]
    private static partial Regex AmountRegex();
}
