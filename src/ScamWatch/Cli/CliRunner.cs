using System.CommandLine;
using Microsoft.Extensions.Options;
using ScamWatch.Hosting;

namespace ScamWatch.Cli;

/// <summary>
/// Turns a verb's outcome into the contract's exit codes: 0 success, 1 work failed or records rejected, 2 usage error.
/// Errors print one line on stderr; the stack trace only with <c>--verbose</c>.
/// </summary>
public static class CliRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, ct) => await RunAsync(parse, action, ct).ConfigureAwait(false));

    private static async Task<int> RunAsync(ParseResult parse, Func<ParseResult, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        try
        {
            return await action(parse, ct).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"scamwatch {parse.CommandResult.Command.Name}: {ex.Message}").ConfigureAwait(false);
            return Usage;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"scamwatch {parse.CommandResult.Command.Name}: cancelled").ConfigureAwait(false);
            return Failed;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"scamwatch {parse.CommandResult.Command.Name}: invalid configuration: {string.Join("; ", ex.Failures)}").ConfigureAwait(false);
            return Usage;
        }
        catch (Exception ex)
        {
            var message = parse.GetValue(CliContext.Verbose) ? ex.ToString() : $"{ex.Message} (run with --verbose for details)";
            await Console.Error.WriteLineAsync($"scamwatch {parse.CommandResult.Command.Name}: error: {message}").ConfigureAwait(false);
            return Failed;
        }
    }

    /// <summary>Opens an input path; <c>-</c> is stdin.</summary>
    public static TextReader OpenInput(string path)
    {
        if (path == "-")
        {
            return new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"input file not found: {path}");
        }

        return new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
    }

    /// <summary>Opens an output path; <c>-</c> is stdout. Files are written beside and moved in place when complete.</summary>
    public static Stream OpenOutput(string path)
    {
        if (path == "-")
        {
            return Console.OpenStandardOutput();
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
    }
}
