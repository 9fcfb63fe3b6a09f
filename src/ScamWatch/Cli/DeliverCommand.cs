using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Hosting;
using ScamWatch.Takedown.Delivery;

namespace ScamWatch.Cli;

/// <summary>
/// <c>scamwatch deliver --once [--platform NAME] [--requeue-dead]</c>: pushes pending takedown requests to webhooks and
/// writes batch files, once. Exit 0 when everything due was delivered, 1 when some delivery failed or is dead-lettered
/// (one line per problem on stdout).
/// </summary>
public static class DeliverCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Deliver what is due now, then exit (the service does this on Takedown:DeliveryCron)." };
        var platform = new Option<string?>("--platform") { Description = "Only this platform (configured with Delivery push or file)." };
        var requeue = new Option<bool>("--requeue-dead") { Description = "First return dead-lettered deliveries to the queue (after the receiver or its settings were fixed)." };
        var command = new Command("deliver", "Deliver pending takedown requests by webhook (push) or batch file (file), exactly once per request.") { once, platform, requeue };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            if (!parse.GetValue(once))
            {
                throw new UsageException("deliver runs once and exits: add --once (scamwatch serve delivers on the Takedown:DeliveryCron schedule)");
            }

            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            var runner = host.Services.GetRequiredService<DeliveryRunner>();
            var only = parse.GetValue(platform);
            if (only is not null && !runner.Platforms.Contains(only))
            {
                throw new UsageException($"platform {only} is not configured for push or file delivery (Takedown:Platforms:{only}:Delivery)");
            }

            if (parse.GetValue(requeue))
            {
                var clock = host.Services.GetRequiredService<TimeProvider>();
                var n = await host.Services.GetRequiredService<DeliveryStore>().RequeueDeadAsync(only, clock.GetUtcNow(), ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"{n} dead-lettered deliveries returned to the queue").ConfigureAwait(false);
            }

            var report = await runner.RunOnceAsync(only, ct).ConfigureAwait(false);
            foreach (var problem in report.Problems)
            {
                await Console.Out.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"{report.Delivered} takedown requests delivered, {report.Problems.Count} problems").ConfigureAwait(false);
            return report.Ok ? CliRunner.Ok : CliRunner.Failed;
        });
        return command;
    }
}
