using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Accounts;
using ScamWatch.Hosting;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch users add --username U --role R [--platform P]</c>; the password comes from SCAMWATCH_PASSWORD or stdin.</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var username = new Option<string>("--username") { Description = "Account name.", Required = true };
        var role = new Option<string>("--role") { Description = "reviewer, analyst, operator or admin.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var platform = new Option<string?>("--platform") { Description = "Platform (site name) an operator account is bound to." };
        var add = new Command("add", "Create an account, or reset its password and role. Password: SCAMWATCH_PASSWORD, else the first line of stdin.") { username, role, platform };
        CliRunner.SetAction(add, async (parse, ct) =>
        {
            var password = Environment.GetEnvironmentVariable("SCAMWATCH_PASSWORD") ?? await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
            if (string.IsNullOrEmpty(password) || password.Length < 8)
            {
                throw new UsageException("a password of at least 8 characters is required (SCAMWATCH_PASSWORD or stdin)");
            }

            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            try
            {
                await host.Services.GetRequiredService<UserStore>().UpsertAsync(parse.GetValue(username)!, password, parse.GetValue(role)!, parse.GetValue(platform), ct).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter")[0]);
            }

            await Console.Out.WriteLineAsync($"account {parse.GetValue(username)} ({parse.GetValue(role)}) saved").ConfigureAwait(false);
            return CliRunner.Ok;
        });
        var keyUser = new Option<string>("--username") { Description = "Account the key acts for (its role and platform).", Required = true };
        var label = new Option<string?>("--label") { Description = "What the key is for, e.g. the client's name." };
        var addKey = new Command("add-key", "Create an API key for a machine client; it is printed once and stored only as a hash.") { keyUser, label };
        CliRunner.SetAction(addKey, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            try
            {
                var key = await host.Services.GetRequiredService<ApiKeys>().CreateAsync(parse.GetValue(keyUser)!, parse.GetValue(label), ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(key).ConfigureAwait(false);
                await Console.Error.WriteLineAsync("Store this key now: it cannot be shown again. Send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.").ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter")[0]);
            }

            return CliRunner.Ok;
        });
        return new Command("users", "Manage local accounts and API keys.") { add, addKey };
    }
}
