using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ScamWatch.Training;

/// <summary>Training services, for the hosts that train (the CLI); the web host never does.</summary>
public static class TrainingServiceCollectionExtensions
{
    public static IServiceCollection AddScamWatchTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LureTrainer>();
        services.AddSingleton<ModelEvaluator>();
        services.AddOptions<PromotionGateOptions>().Bind(configuration.GetSection(PromotionGateOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<Review.ReviewedDecisions>();
        return services;
    }
}
