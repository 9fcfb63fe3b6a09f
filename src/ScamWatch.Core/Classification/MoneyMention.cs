namespace ScamWatch.Classification;

/// <summary>A stated amount of pay, in won, with the period it is paid for.</summary>
public sealed record MoneyMention(long Won, PayPeriod Period, int Start, int Length, string Text)
{
    /// <summary>The amount as pay per month (22 working days, 4.3 weeks, 209 hours).</summary>
    public double MonthlyWon => Period switch
    {
        PayPeriod.Hour => Won * 209.0,
        PayPeriod.Day => Won * 22.0,
        PayPeriod.Week => Won * 4.3,
        PayPeriod.Year => Won / 12.0,
        PayPeriod.Month => Won,
        _ => Won >= 50_000_000 ? Won / 12.0 : Won,
    };
}

public enum PayPeriod
{
    Unknown,
    Hour,
    Day,
    Week,
    Month,
    Year,
}
