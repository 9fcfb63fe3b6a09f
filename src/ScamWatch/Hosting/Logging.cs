using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ScamWatch.Hosting;

/// <summary>
/// Serilog set-up: human-readable console (stderr for data verbs, so stdout stays clean for <c>-</c> output) and a
/// rolling compact-JSON file under <c>Logging:Directory</c> (default <c>./data/logs</c>). <c>Logging:ConsoleLevel</c>
/// (e.g. <c>Warning</c>) quietens the console, as the review benchmark does for the server it runs.
/// </summary>
public static class Logging
{
    public static Serilog.ILogger Create(IConfiguration configuration, bool server, bool verbose)
    {
        var directory = configuration["Logging:Directory"] ?? Path.Combine("data", "logs");
        var consoleLevel = verbose ? LogEventLevel.Debug
            : Enum.TryParse<LogEventLevel>(configuration["Logging:ConsoleLevel"], ignoreCase: true, out var configured) ? configured
            : server ? LogEventLevel.Information : LogEventLevel.Warning;
        var config = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                restrictedToMinimumLevel: consoleLevel,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: server ? LogEventLevel.Error : LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(configuration["Logging:File"], "false", StringComparison.OrdinalIgnoreCase))
        {
            config = config.WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, "scamwatch-.clef"),
                restrictedToMinimumLevel: LogEventLevel.Information, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                fileSizeLimitBytes: 100L * 1024 * 1024, rollOnFileSizeLimit: true);
        }

        return config.CreateLogger();
    }
}
