using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ScamWatch.Crawling;
using ScamWatch.Sites;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Delivery;
using ScamWatch.Takedown.Verification;

namespace ScamWatch.Hosting;

/// <summary>One Quartz job per site, fired by the site's cron schedule (and once at start when asked).</summary>
public static class Scheduling
{
    public static IServiceCollection AddCrawlSchedules(this IServiceCollection services, IReadOnlyList<SiteDefinition> sites, bool runAtStart)
    {
        services.AddQuartz(q =>
        {
            // On shutdown, running crawls are asked to stop (their token is cancelled) and the scheduler waits for them.
            q.ConfigureScheduler(o => o.ShutdownJobInterruption = ShutdownJobInterruption.Always);
            q.AddTakedownDelivery();
            foreach (var site in sites.Where(s => s.Enabled))
            {
                var job = new JobKey("crawl-" + site.Name, "crawl");
                q.AddJob<CrawlJob>(j => j.WithIdentity(job).StoreDurably().UsingJobData(CrawlJob.SiteKey, site.Name));
                if (site.Schedule is not null)
                {
                    q.AddTrigger(t => t.ForJob(job).WithIdentity("cron-" + site.Name, "crawl")
                        .WithCronSchedule(site.Schedule, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
                }

                if (runAtStart)
                {
                    q.AddTrigger(t => t.ForJob(job).WithIdentity("start-" + site.Name, "crawl").StartNow());
                }
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>The takedown recheck (<see cref="VerifyJob"/>) on <c>Takedown:VerifyCron</c>.</summary>
    public static IServiceCollection AddVerifySchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var cron = configuration.GetSection(TakedownOptions.Section)[nameof(TakedownOptions.VerifyCron)] ?? new TakedownOptions().VerifyCron;
        services.AddQuartz(q =>
        {
            var job = new JobKey("verify", "takedown");
            q.AddJob<VerifyJob>(j => j.WithIdentity(job).StoreDurably());
            q.AddTrigger(t => t.ForJob(job).WithIdentity("cron-verify", "takedown")
                .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        return services;
    }
}
