using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace ScamWatch.Takedown.Delivery;

/// <summary>Registers push and file delivery (called from <c>AddScamWatch</c>) and its schedule (called where the crawl jobs are scheduled).</summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddTakedownDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebhookDeliverer.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(WebhookDeliverer.CreateHandler)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan); // the Polly pipeline times each call out, on the injected clock
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<WebhookDeliverer>();
        services.AddSingleton<FileOutbox>();
        services.AddSingleton<DeliveryRunner>();
        services.AddTransient<DeliveryJob>();
        return services;
    }

    /// <summary>The delivery job on <see cref="TakedownOptions.DeliveryCron"/>; a run that would overlap a late one is skipped.</summary>
    public static IQuartzBuilder AddTakedownDelivery(this IQuartzBuilder quartz)
    {
        quartz.AddJob<DeliveryJob>(j => j.WithIdentity(DeliveryJob.Key).StoreDurably());
        quartz.AddTrigger((sp, t) => t.ForJob(DeliveryJob.Key).WithIdentity("cron-deliver", "takedown")
            .WithCronSchedule(sp.GetRequiredService<IOptions<TakedownOptions>>().Value.DeliveryCron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        return quartz;
    }
}
