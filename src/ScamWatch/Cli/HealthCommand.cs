using System.CommandLine;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch health [--url URL]</c>: asks a running ScamWatch for /healthz (used by the container HEALTHCHECK).</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Health endpoint to ask.", DefaultValueFactory = _ => "http://127.0.0.1:8080/healthz" };
        var command = new Command("health", "Check that a running ScamWatch answers its health endpoint (exit 0 healthy, 1 not).") { url };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync(parse.GetValue(url), ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}").ConfigureAwait(false);
                return response.IsSuccessStatusCode ? CliRunner.Ok : CliRunner.Failed;
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"unhealthy: {ex.Message}").ConfigureAwait(false);
                return CliRunner.Failed;
            }
        });
        return command;
    }
}
