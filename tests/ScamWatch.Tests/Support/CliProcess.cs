using System.Diagnostics;
using System.Text;

namespace ScamWatch.Tests.Support;

/// <summary>Runs the real <c>scamwatch</c> executable in a child process, as an analyst's script would.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(string workingDirectory, string? stdin, params string[] args) =>
        RunWithEnvironmentAsync(workingDirectory, stdin, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync"/>, with extra environment variables (e.g. another models folder).</summary>
    public static async Task<Result> RunWithEnvironmentAsync(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Repo.ScamWatchDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["SCAMWATCH_Classifier__ModelsPath"] = Repo.Models;
        psi.Environment["SCAMWATCH_Logging__File"] = "false";
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        psi.StandardOutputEncoding = Encoding.UTF8;
        psi.StandardErrorEncoding = Encoding.UTF8;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
